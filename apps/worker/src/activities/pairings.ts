import {
  bestSellersIn,
  findProducts,
  manualPairingsFor,
  minedPairingsFor,
  orderLines,
  ownedProductIds,
  recommendationRulesFor,
  type BoughtLine,
  type Db,
  type PriceLimits,
  type StoredRecommendationRules,
} from '@crosswise/db'
import type { Segment } from '@crosswise/domain'
import type { PairingPick } from '@crosswise/journeys'
import { blockedCategories, chooseStoredPairings, type ProductFacts } from '@crosswise/recommender'
import { loadSegmentedCustomer } from './customer-segment.ts'
import type { JourneyActivityImplementations } from './index.ts'
import { pickStoreBestSeller, RecentBestSellerCache } from './store-best-sellers.ts'

// Mined partners read per trigger product: enough to survive the filters for a customer who owns many.
const minedPerTrigger = 20
// Best sellers read per pick: enough to survive the pairings this journey already emailed.
const bestSellersPerPick = 20

/**
 * Chooses what to recommend after an order, in order of trust: the store's manual pairings for the
 * order's products (highest priority first), the pairings mined from its orders (`crosswise mine` and
 * the nightly refresh), the best seller of the order's categories, and last the store's own best
 * sellers, so a store with a catalogue always has an answer. Never a product the customer owns, one that
 * is unavailable or has no page, or one this journey already recommended. Mined pairings and best
 * sellers keep to the price band of the customer's segment (as of this pick) and never come from a
 * category the store marks incompatible with the order's; manual pairings are the store's explicit
 * choice and ignore both.
 */
export function pairingActivities(db: Db): Pick<JourneyActivityImplementations, 'pickPairing'> {
  const storeSellers = RecentBestSellerCache.over(db)
  return {
    async pickPairing({ storeId, customerId, orderId, excludePairingIds, excludeProductIds }) {
      const lines = await orderLines(db, storeId, orderId)
      // An order without lines has nothing for a pick to go with.
      if (lines.length === 0) return null
      const triggerIds = [...new Set(lines.map((line) => line.productId))]
      const excluded = new Set([...(await ownedProductIds(db, storeId, customerId)), ...triggerIds, ...excludeProductIds])
      const usable = (pick: PairingPick) => !excludePairingIds.includes(pick.pairingId) && !excluded.has(pick.productIds[0]!)

      const manual = (await manualPairingsFor(db, storeId, triggerIds)).map((pairing): PairingPick => ({
        pairingId: `manual:${pairing.triggerProductId}:${pairing.recommendedProductId}`,
        source: 'manual',
        triggerProductId: pairing.triggerProductId,
        productIds: [pairing.recommendedProductId],
      }))
      const manualPick = manual.find(usable)
      if (manualPick) return manualPick

      const { segment } = await loadSegmentedCustomer(db, storeId, customerId)
      const rules = await recommendationRulesFor(db, storeId)
      const minedPick = (await pickMined(db, storeId, lines, [...excluded], rules, segment)).find(usable)
      if (minedPick) return minedPick

      // Categories of the order's products: the catalogue's, else the order line's own.
      const catalogue = new Map((await findProducts(db, storeId, triggerIds)).map((product) => [product.productId, product.category]))
      const triggerOf = new Map<string, string>()
      for (const line of lines) {
        const category = catalogue.get(line.productId) ?? line.category
        if (category && !triggerOf.has(category)) triggerOf.set(category, line.productId)
      }
      const band = rules.priceBands[segment]
      const blocked = blockedCategories(triggerOf.keys(), rules.incompatibleCategories)
      const allowed = (category: string | null) => category === null || !blocked.has(category)

      const categorySellers = await bestSellersIn(db, storeId, [...triggerOf.keys()], [...excluded], bestSellersPerPick, band)
      const categoryPick = categorySellers
        .filter((seller) => allowed(seller.category))
        .map((seller): PairingPick => ({
          pairingId: `best-seller:${seller.category}:${seller.productId}`,
          source: 'best-seller',
          triggerProductId: triggerOf.get(seller.category!)!,
          productIds: [seller.productId],
        }))
        .find(usable)
      if (categoryPick) return categoryPick

      return pickStoreBestSeller(db, storeSellers, {
        storeId,
        triggerProductId: lines[0]!.productId,
        excluded,
        priceBand: band,
        blocked,
        usable,
      })
    },
  }
}

/** The store's current mined pairings for the order that its rules and the catalogue allow, best first. */
async function pickMined(
  db: Db,
  storeId: string,
  lines: readonly BoughtLine[],
  excluded: readonly string[],
  rules: StoredRecommendationRules,
  segment: Segment,
): Promise<PairingPick[]> {
  const triggerIds = [...new Set(lines.map((line) => line.productId))]
  const stored = await minedPairingsFor(db, storeId, triggerIds, minedPerTrigger)
  if (stored.length === 0) return []
  const products = await findProducts(db, storeId, [...new Set([...triggerIds, ...stored.map((pairing) => pairing.recommendedProductId)])])
  const facts = new Map<string, ProductFacts>(
    products.map((product) => [
      product.productId,
      {
        // An email links to the product, so one without a page cannot be recommended.
        available: product.available && product.url !== null,
        title: product.title,
        ...(product.category === null ? {} : { category: product.category }),
        ...(product.price === null ? {} : { price: Number(product.price) }),
      },
    ]),
  )
  // A trigger missing from the catalogue still has its order line's category for the rules.
  for (const line of lines) {
    if (!facts.has(line.productId))
      facts.set(line.productId, { available: false, ...(line.category === null ? {} : { category: line.category }) })
  }
  const chosen = chooseStoredPairings(stored, {
    triggerProductIds: triggerIds,
    excludedProductIds: excluded,
    catalogue: (productId) => facts.get(productId),
    rules: { ...rules, priceBands: { [segment]: numericBand(rules.priceBands[segment]) } },
    segment,
  })
  return chosen.map((pairing) => ({
    pairingId: `mined:${pairing.triggerProductId}:${pairing.recommendedProductId}`,
    source: 'mined',
    triggerProductId: pairing.triggerProductId,
    productIds: [pairing.recommendedProductId],
    reason: pairing.reason,
  }))
}

/** The recommender compares prices as numbers of major units, like the catalogue facts above. */
function numericBand(band: PriceLimits | undefined): { min?: number; max?: number } {
  return { ...(band?.min === undefined ? {} : { min: Number(band.min) }), ...(band?.max === undefined ? {} : { max: Number(band.max) }) }
}
