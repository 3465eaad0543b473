import { ApiKeyCipherError, type Db } from '@crosswise/db'
import type { ActivityImplementations, catalogueSyncActivityContracts } from '@crosswise/journeys'
import { ShopifyError } from '@crosswise/shopify'
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import { syncStoreCatalogue, type CatalogueSyncSettings } from '../catalogue/sync-store-catalogue.ts'
import { UnknownStoreError } from '@crosswise/mining'

/** Syncs a store's catalogue from Shopify, for its schedule and for a newly connected store. */
export function catalogueSyncActivities(
  db: Db,
  settings: CatalogueSyncSettings,
): ActivityImplementations<typeof catalogueSyncActivityContracts> {
  return {
    async syncStoreCatalogue({ storeId }) {
      const context = Context.current()
      try {
        // Every page saved and every request to Shopify (waits for its cost bucket included) is a
        // heartbeat, so a lost worker is noticed in minutes and a cancellation stops between requests.
        const outcome = await syncStoreCatalogue(db, storeId, {
          ...settings,
          onProgress: (progress) => context.heartbeat(progress),
          onRequest: () => context.heartbeat(),
          signal: context.cancellationSignal,
        })
        context.log.info('catalogue synced', { storeId, ...outcome })
        return outcome
      } catch (error) {
        if (error instanceof UnknownStoreError) throw ApplicationFailure.nonRetryable(error.message, 'UnknownStore')
        if ((error instanceof ShopifyError && !error.retryable) || error instanceof ApiKeyCipherError) {
          throw ApplicationFailure.create({ message: error.message, type: error.name, nonRetryable: true, cause: error })
        }
        throw error
      }
    },
  }
}
