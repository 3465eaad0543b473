import { ApiKeyCipherError, findShopifyStore, openWebhookSecret, type ApiKeyCipher, type Db } from '@crosswise/db'

type Shop = NonNullable<Awaited<ReturnType<typeof findShopifyStore>>>

/**
 * Finds the store of a shop domain, remembering found shops for `ttlMs`: every delivery needs its
 * shop's secret before anything else, and this spares a query per webhook. A changed secret or a
 * disconnected shop takes effect within `ttlMs`; unknown shops are never remembered, so a shop
 * connected a moment ago is found at once.
 */
export function cachedShopLookup(db: Db, cipher: ApiKeyCipher, ttlMs: number): (domain: string) => Promise<Shop | undefined> {
  const known = new Map<string, { shop: Shop; until: number }>()
  const opened = (shop: Shop): Shop | undefined => {
    try {
      return { ...shop, webhookSecret: openWebhookSecret(cipher, shop.storeId, shop.webhookSecret) }
    } catch (error) {
      // Sealed under another CROSSWISE_PAYLOAD_KEY: no delivery can be verified, so none is taken.
      if (error instanceof ApiKeyCipherError) return undefined
      throw error
    }
  }
  return async (domain) => {
    const now = Date.now()
    const hit = known.get(domain)
    if (hit && hit.until > now) return hit.shop
    const found = await findShopifyStore(db, domain)
    const shop = found && opened(found)
    if (shop) known.set(domain, { shop, until: now + ttlMs })
    else known.delete(domain)
    return shop
  }
}
