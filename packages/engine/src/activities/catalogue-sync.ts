import { ApiKeyCipherError, sendableProducts, type Db } from '@crosswise/db'
import type { ActivityImplementations, catalogueSyncActivityContracts } from '@crosswise/journeys'
import { ShopifyError } from '@crosswise/shopify'
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import { syncStoreCatalogue, type CatalogueSyncSettings } from '../catalogue/sync-store-catalogue.ts'
import { UnknownStoreError } from '@crosswise/mining'
import type { Messaging } from './messaging.ts'

/**
 * Pushes the store's sendable products to its Klaviyo catalogue, so Klaviyo's own blocks and reports
 * know them. A failure here does not undo the sync: it is reported, and the next sync pushes again.
 */
async function pushToKlaviyo(db: Db, messaging: Messaging, storeId: string) {
  const { channel, gateway } = await messaging.current(storeId)
  if (channel !== 'klaviyo') return undefined
  try {
    const products = (await sendableProducts(db, storeId)).map((product) => ({
      externalId: product.productId,
      title: product.title,
      url: product.url!,
      ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
      price: product.price ?? '0',
    }))
    const pushed = await gateway.syncCatalog(products)
    return { items: pushed.items, jobs: pushed.jobIds.length }
  } catch (error) {
    return { failed: (error as Error).message }
  }
}

/**
 * Syncs a store's catalogue from Shopify, for its schedule and for a newly connected store, and when
 * the store has a Klaviyo key pushes it on to Klaviyo's catalogue.
 */
export function catalogueSyncActivities(
  db: Db,
  settings: CatalogueSyncSettings,
  messaging: Messaging,
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
        const klaviyo = outcome.status === 'synced' ? await pushToKlaviyo(db, messaging, storeId) : undefined
        context.log.info('catalogue synced', { storeId, ...outcome, ...(klaviyo ? { klaviyo } : {}) })
        return { ...outcome, ...(klaviyo ? { klaviyo } : {}) }
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
