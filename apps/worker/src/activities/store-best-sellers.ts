import { findProducts, recentBestSellers, recommendableProducts, type Db, type PriceLimits, type RecentSeller } from '@crosswise/db'
import { decimalToUnits } from '@crosswise/domain'
import type { PairingPick } from '@crosswise/journeys'

// Enough of the store's recent best sellers to survive what one customer owns and the picks' filters.
const rankedSellers = 200

/**
 * Each store's recent best sellers, read at most once per `ttlMs`: the ranking moves with weeks of
 * sales, while journeys ask for it at every pick, so reading it each time would cost a scan of the
 * store's recent order lines per email. Availability, price and page are checked live at each pick.
 */
export class RecentBestSellerCache {
  private readonly entries = new Map<string, { readAt: number; sellers: Promise<RecentSeller[]> }>()

  constructor(
    private readonly rank: (storeId: string) => Promise<RecentSeller[]>,
    private readonly ttlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cache over a store's PostgreSQL. */
  static over(db: Db): RecentBestSellerCache {
    return new RecentBestSellerCache((storeId) => recentBestSellers(db, storeId, rankedSellers))
  }

  read(storeId: string): Promise<RecentSeller[]> {
    const cached = this.entries.get(storeId)
    if (cached && this.now() - cached.readAt < this.ttlMs) return cached.sellers
    const sellers = this.rank(storeId)
    // A failed read is not kept: the next pick reads again.
    sellers.catch(() => this.entries.delete(storeId))
    this.entries.set(storeId, { readAt: this.now(), sellers })
    return sellers
  }
}

/** Whether a decimal price lies inside a band; a band the price cannot be checked against is not met. */
function withinBand(price: string | null, band: PriceLimits | undefined): boolean {
  if (band?.min === undefined && band?.max === undefined) return true
  if (price === null) return false
  const units = decimalToUnits(price)
  return (band.min === undefined || units >= decimalToUnits(band.min)) && (band.max === undefined || units <= decimalToUnits(band.max))
}

/** What a store best-seller pick must respect for one journey. */
export interface StoreBestSellerRequest {
  storeId: string
  /** Shown as what the pick goes with: the order's first product. */
  triggerProductId: string
  /** Owned, ordered and already recommended products. */
  excluded: ReadonlySet<string>
  priceBand: PriceLimits | undefined
  /** Categories the store's rules rule out for this order. */
  blocked: ReadonlySet<string>
  /** The journey's own test (pairings it already emailed). */
  usable: (pick: PairingPick) => boolean
}

/**
 * The store's own best seller for a journey: its recent best sellers in order, then (when none
 * fits) any recommendable product of its catalogue, so a store with a catalogue always answers.
 */
export async function pickStoreBestSeller(
  db: Db,
  cache: RecentBestSellerCache,
  request: StoreBestSellerRequest,
): Promise<PairingPick | null> {
  const pick = (productId: string): PairingPick => ({
    pairingId: `store-best-seller:${productId}`,
    source: 'store-best-seller',
    triggerProductId: request.triggerProductId,
    productIds: [productId],
  })
  const allowed = (category: string | null) => category === null || !request.blocked.has(category)
  const ranked = (await cache.read(request.storeId)).filter((seller) => !request.excluded.has(seller.productId))
  const catalogue = new Map(
    (
      await findProducts(
        db,
        request.storeId,
        ranked.map((seller) => seller.productId),
      )
    ).map((product) => [product.productId, product]),
  )
  for (const seller of ranked) {
    const product = catalogue.get(seller.productId)
    if (!product?.available || !product.url || !withinBand(product.price, request.priceBand) || !allowed(product.category)) continue
    if (request.usable(pick(seller.productId))) return pick(seller.productId)
  }
  const rest = await recommendableProducts(db, request.storeId, [...request.excluded], 50, request.priceBand)
  return (
    rest
      .filter((product) => allowed(product.category))
      .map((product) => pick(product.productId))
      .find(request.usable) ?? null
  )
}
