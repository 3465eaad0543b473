import {
  getStore,
  loadShopifyConnection,
  markUnlistedProductsRemoved,
  recordCatalogueSync,
  upsertProducts,
  type ApiKeyCipher,
  type Db,
} from '@crosswise/db'
import { catalogueProductFromShopify } from '@crosswise/domain'
import type { CatalogueSyncOutcome } from '@crosswise/journeys'
import {
  readShopifyCatalogue,
  ShopifyAdminClient,
  ThrottledAdminClient,
  type CatalogueReadOptions,
  type ThrottlingOptions,
} from '@crosswise/shopify'
import { UnknownStoreError } from '@crosswise/mining'

/** Where a running catalogue sync stands, after each page. */
export interface CatalogueSyncProgress {
  pages: number
  products: number
  upserted: number
  waitedMs: number
}

/** How stores' catalogues are read from Shopify. */
export interface CatalogueSyncSettings extends CatalogueReadOptions, Omit<ThrottlingOptions, 'signal' | 'onRequest'> {
  /** Opens stores' sealed access tokens (`CROSSWISE_PAYLOAD_KEY`). */
  cipher: ApiKeyCipher
  /** Admin API origin to use instead of `https://{shop}`: a fake Shopify (`SHOPIFY_ADMIN_URL`). */
  shopifyBaseUrl?: string
  /** Limit on each Admin API call, in milliseconds; default 10 s. */
  timeoutMs?: number
}

/** A sync's settings plus what one run is told and told about. */
export interface CatalogueSyncOptions extends CatalogueSyncSettings {
  /** Called after each page is saved (an activity heartbeats here). */
  onProgress?: (progress: CatalogueSyncProgress) => void
  /** Called before each request to Shopify, waits included. */
  onRequest?: () => void
  /** Stops the sync between requests (an activity's cancellation). */
  signal?: AbortSignal
}

/**
 * Syncs a store's catalogue from its Shopify Admin API: reads every product page by page (waiting for
 * the shop's query-cost bucket), upserts each page in one statement by the catalogue rule
 * (`catalogueProductFromShopify`, the webhooks' rule too), then marks the store's products that
 * Shopify no longer lists unavailable. An upsert never overwrites a newer version (a webhook that
 * arrived meanwhile), and a product changed while the listing was read is never marked removed.
 * Idempotent: running it again converges on the same catalogue. Returns what it did, also noted on
 * the connection; `not-connected` for a store without a connection. Throws {@link UnknownStoreError}
 * for an unknown store, and the Shopify client's errors (`ShopifyError`, `retryable` says whether
 * trying later can help).
 */
export async function syncStoreCatalogue(db: Db, storeId: string, options: CatalogueSyncOptions): Promise<CatalogueSyncOutcome> {
  const store = await getStore(db, storeId)
  if (!store) throw new UnknownStoreError(`No store '${storeId}'.`)
  const connection = await loadShopifyConnection(db, options.cipher, storeId)
  if (!connection) return { status: 'not-connected' }

  const startedAt = new Date()
  const client = new ShopifyAdminClient({
    ...connection,
    ...(options.shopifyBaseUrl ? { baseUrl: options.shopifyBaseUrl } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  })
  const admin = new ThrottledAdminClient(client, {
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  })
  const shop = { shopDomain: connection.shopDomain, currency: store.currency }
  const listed = new Set<string>()
  const progress: CatalogueSyncProgress = { pages: 0, products: 0, upserted: 0, waitedMs: 0 }
  for await (const page of readShopifyCatalogue(admin, options)) {
    const products = page.map((facts) => catalogueProductFromShopify(facts, shop))
    const { written } = await upsertProducts(db, storeId, products)
    for (const product of products) listed.add(product.productId)
    Object.assign(progress, {
      pages: progress.pages + 1,
      products: listed.size,
      upserted: progress.upserted + written,
      waitedMs: admin.waitedMs,
    })
    options.onProgress?.({ ...progress })
  }
  const deleted = await markUnlistedProductsRemoved(db, storeId, [...listed], startedAt)
  const outcome = { status: 'synced' as const, ...progress, deleted }
  await recordCatalogueSync(db, storeId, new Date(), outcome)
  return outcome
}
