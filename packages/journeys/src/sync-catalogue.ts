import { proxyActivities } from '@temporalio/workflow'
import type { CatalogueSyncActivities, CatalogueSyncOutcome, SyncCatalogueInput } from './sync-catalogue-contract.ts'

// A large catalogue on a standard plan takes tens of minutes (the cost bucket sets the pace); the
// heartbeat notices a lost worker long before. A refused token, a query Shopify cannot run, an
// unknown store or a bad input never heal, so those are not retried.
const { syncStoreCatalogue } = proxyActivities<CatalogueSyncActivities>({
  startToCloseTimeout: '3 hours',
  heartbeatTimeout: '2 minutes',
  retry: {
    initialInterval: '1 minute',
    maximumInterval: '10 minutes',
    backoffCoefficient: 2,
    maximumAttempts: 3,
    nonRetryableErrorTypes: ['UnknownStore', 'InvalidInput', 'ShopifyRefusedError', 'ShopifyQueryError', 'ApiKeyCipherError'],
  },
})

/**
 * Syncs one store's catalogue from Shopify; started when the store connects its Admin API and by the
 * store's Temporal Schedule (every six hours by default; ids from `catalogueSyncId`).
 */
export async function syncCatalogue(input: SyncCatalogueInput): Promise<CatalogueSyncOutcome> {
  return syncStoreCatalogue(input)
}
