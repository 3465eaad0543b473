import { findShopifyStore, type Db } from '@crosswise/db'

type Shop = NonNullable<Awaited<ReturnType<typeof findShopifyStore>>>

/**
 * Finds the store of a shop domain, remembering found shops for `ttlMs`: every delivery needs its
 * shop's secret before anything else, and this spares a query per webhook. A changed secret or a
 * disconnected shop takes effect within `ttlMs`; unknown shops are never remembered, so a shop
 * connected a moment ago is found at once.
 */
export function cachedShopLookup(db: Db, ttlMs: number): (domain: string) => Promise<Shop | undefined> {
  const known = new Map<string, { shop: Shop; until: number }>()
  return async (domain) => {
    const now = Date.now()
    const hit = known.get(domain)
    if (hit && hit.until > now) return hit.shop
    const shop = await findShopifyStore(db, domain)
    if (shop) known.set(domain, { shop, until: now + ttlMs })
    else known.delete(domain)
    return shop
  }
}
