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
  type StoredRecommendationRules,
} from '@crosswise/db'
import type { Segment } from '@crosswise/domain'
import type { JourneyActivities, PairingPick } from '@crosswise/journeys'
import { chooseStoredPairings, type ProductFacts } from '@crosswise/recommender'
import { z } from 'zod'
import { loadSegmentedCustomer } from './customer-segment.ts'
import { parseInput } from './failures.ts'

const pickSchema = z.object({
  storeId: z.string().min(1),
  customerId: z.string().min(1),
  orderId: z.string().min(1),
  excludePairingIds: z.array(z.string()),
  excludeProductIds: z.array(z.string()),
})

// Mined partners read per trigger product: enough to survive the filters for a customer who owns many.
const minedPerTrigger = 20

/**
 * Chooses what to recommend after an order: the store's manual pairings for the order's products
 * (highest priority first), then the pairings mined from its orders (`crosswise mine` and the nightly
 * refresh), then the best seller of the same category. Never a product the customer owns, one that
 * is unavailable or has no page, one of a category the store marks incompatible with the order's, or
 * one this journey already recommended. Mined pairings and best sellers keep to the price band of the
 * customer's segment (as of this pick); manual pairings are the store's explicit choice and ignore it.
 */
export function pairingActivities(db: Db): Pick<JourneyActivities, 'pickPairing'> {
  return {
    async pickPairing(raw) {
      const { storeId, customerId, orderId, excludePairingIds, excludeProductIds } = parseInput(pickSchema, raw)
      const lines = await orderLines(db, storeId, orderId)
      const triggerIds = [...new Set(lines.map((line) => line.productId))]
      const excluded = new Set([...(await ownedProductIds(db, storeId, customerId)), ...triggerIds, ...excludeProductIds])
      const usable = (pairingId: string, productId: string) => !excludePairingIds.includes(pairingId) && !excluded.has(productId)

      for (const manual of await manualPairingsFor(db, storeId, triggerIds)) {
        const pairingId = `manual:${manual.triggerProductId}:${manual.recommendedProductId}`
        if (usable(pairingId, manual.recommendedProductId)) {
          return { pairingId, source: 'manual', triggerProductId: manual.triggerProductId, productIds: [manual.recommendedProductId] } satisfies PairingPick
        }
      }

      const { segment } = await loadSegmentedCustomer(db, storeId, customerId)
      const rules = await recommendationRulesFor(db, storeId)
      const mined = await pickMined(db, storeId, lines, [...excluded], rules, segment)
      const minedPick = mined.find((pick) => usable(pick.pairingId, pick.productIds[0]!))
      if (minedPick) return minedPick

      // Categories of the order's products: the catalogue's, else the order line's own.
      const catalogue = new Map((await findProducts(db, storeId, triggerIds)).map((product) => [product.productId, product.category]))
      const triggerOf = new Map<string, string>()
      for (const line of lines) {
        const category = catalogue.get(line.productId) ?? line.category
        if (category && !triggerOf.has(category)) triggerOf.set(category, line.productId)
      }
      const sellers = await bestSellersIn(db, storeId, [...triggerOf.keys()], [...excluded], 20, rules.priceBands[segment])
      for (const seller of sellers) {
        const pairingId = `best-seller:${seller.category}:${seller.productId}`
        if (usable(pairingId, seller.productId)) {
          return { pairingId, source: 'best-seller', triggerProductId: triggerOf.get(seller.category)!, productIds: [seller.productId] } satisfies PairingPick
        }
      }
      return null
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
    if (!facts.has(line.productId)) facts.set(line.productId, { available: false, ...(line.category === null ? {} : { category: line.category }) })
  }
  // The recommender compares prices as numbers of major units, like the catalogue facts above.
  const band = rules.priceBands[segment]
  const priceBand = { ...(band?.min === undefined ? {} : { min: Number(band.min) }), ...(band?.max === undefined ? {} : { max: Number(band.max) }) }
  const chosen = chooseStoredPairings(stored, {
    triggerProductIds: triggerIds,
    excludedProductIds: excluded,
    catalogue: (productId) => facts.get(productId),
    rules: { ...rules, priceBands: { [segment]: priceBand } },
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
