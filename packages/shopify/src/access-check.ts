import { ShopifyAdminClient, type ShopifyAdminOptions } from './admin-client.ts'
import { ShopifyRefusedError } from './errors.ts'

/** Whether Shopify accepts a store's access token, and why not. */
export type ShopifyAccessCheck = { accepted: true; shopName: string } | { accepted: false; status: number; reason: string }

const accessQuery = 'query CrosswiseAccessCheck { shop { name } products(first: 1) { nodes { id } } }'

/**
 * Asks Shopify whether it accepts an access token for a shop, with one cheap query that also reads a
 * product, so a token without `read_products` is refused here rather than at the first sync. A
 * refusal (401, 403, `ACCESS_DENIED`, an unknown or locked shop) is an answer; anything else
 * (timeout, network, 5xx, throttling) throws: Shopify could not be asked. One attempt: someone waits.
 */
export async function checkShopifyAccess(options: ShopifyAdminOptions): Promise<ShopifyAccessCheck> {
  try {
    const { data } = await new ShopifyAdminClient({ timeoutMs: 5_000, ...options }).query(accessQuery)
    const name = (data as { shop?: { name?: unknown } } | undefined)?.shop?.name
    return { accepted: true, shopName: typeof name === 'string' ? name : options.shopDomain }
  } catch (error) {
    if (error instanceof ShopifyRefusedError) return { accepted: false, status: error.status, reason: error.reason }
    throw error
  }
}
