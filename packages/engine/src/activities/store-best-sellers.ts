import { recentBestSellers, type Db, type RecentSeller } from '@crosswise/db'

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
