import { proxyActivities } from '@temporalio/workflow'

/** Input of a catalogue sync: the Shopify-connected store whose catalogue is read again. */
export interface SyncCatalogueInput {
  storeId: string
}

/** What a catalogue sync did, or that the store has no Shopify connection (any more). */
export type CatalogueSyncOutcome =
  | {
      status: 'synced'
      /** Catalogue pages read. */
      pages: number
      /** Products Shopify listed. */
      products: number
      /** Products written (new or changed; a newer webhook update is kept). */
      upserted: number
      /** Products no longer listed, now kept unavailable. */
      deleted: number
      /** Time spent waiting for the shop's query-cost bucket, in milliseconds. */
      waitedMs: number
    }
  | { status: 'not-connected' }

/** The activity a catalogue sync calls, implemented by the worker over PostgreSQL and the Shopify Admin API. */
export interface CatalogueSyncActivities {
  /**
   * Reads the store's whole Shopify catalogue page by page, upserts every product and marks the ones
   * Shopify no longer lists unavailable. Heartbeats while it reads; idempotent, so a retry starts over.
   */
  syncStoreCatalogue(input: SyncCatalogueInput): Promise<CatalogueSyncOutcome>
}

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
