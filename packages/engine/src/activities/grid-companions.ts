import { findProducts, minedPairingsFor, retiredPairingIds, type Db, type ShownProduct } from '@crosswise/db'
import { minedPairingId } from '@crosswise/domain'
import type { RecentBestSellerCache } from './store-best-sellers.ts'

// Mined partners read for a grid: enough to survive ownership and stock for a grid of six.
const partnersRead = 20

/** What a grid is filled around. */
export interface GridRequest {
  storeId: string
  triggerProductId: string
  /** Products the email shows already (the pick's) and the customer's own: never repeated. */
  excluded: ReadonlySet<string>
  count: number
}

/**
 * Products that fill a grid after the pick's own: the trigger product's other mined partners in rank
 * order (not those the pairing review retired), then the store's recent best sellers; each available,
 * with a page. Fewer than asked when the store has no more.
 */
export async function gridCompanions(db: Db, sellers: RecentBestSellerCache, request: GridRequest): Promise<ShownProduct[]> {
  if (request.count <= 0) return []
  const [partners, retired, bestSellers] = await Promise.all([
    minedPairingsFor(db, request.storeId, [request.triggerProductId], partnersRead),
    retiredPairingIds(db, request.storeId),
    sellers.read(request.storeId),
  ])
  const retiredIds = new Set(retired)
  const candidates = [
    ...partners
      .filter((pairing) => !retiredIds.has(minedPairingId(pairing.triggerProductId, pairing.recommendedProductId)))
      .map((pairing) => pairing.recommendedProductId),
    ...bestSellers.map((seller) => seller.productId),
  ].filter(
    (productId, index, all) =>
      productId !== request.triggerProductId && !request.excluded.has(productId) && all.indexOf(productId) === index,
  )
  const products = new Map((await findProducts(db, request.storeId, candidates)).map((product) => [product.productId, product]))
  return candidates
    .map((productId) => products.get(productId))
    .filter((product): product is ShownProduct => !!product?.available && !!product.url)
    .slice(0, request.count)
}
