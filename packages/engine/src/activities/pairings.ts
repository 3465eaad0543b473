import {
  bestSellersIn,
  findProducts,
  minedPairingsFor,
  readPickFacts,
  recommendationRulesFor,
  recommendableProducts,
  type BoughtLine,
  type PriceLimits,
  type ShownProduct,
  type Db,
} from '@crosswise/db'
import { chooseJourneyPairing, chooseManualPairing, orderCategories, type PriceBand, type ProductFacts } from '@crosswise/recommender'
import { loadSegmentedCustomer } from './customer-segment.ts'
import type { JourneyActivityImplementations } from './index.ts'
import type { RecentBestSellerCache } from './store-best-sellers.ts'

// Mined partners read per trigger product: enough to survive the filters for a customer who owns many.
const minedPerTrigger = 20
// Best sellers read per pick: enough to survive the pairings this journey already emailed.
const bestSellersPerPick = 20
// Catalogue products read when no best seller fits.
const recommendablePerPick = 50

/**
 * Chooses what to recommend after an order. The store's manual pairings come first and need only the
 * order, what the customer owns, the pairings and the retired ones: most picks of a store that keeps
 * manual pairings end there, in one statement. Otherwise it loads the mined pairings, rules and best
 * sellers and lets `chooseJourneyPairing` (the recommender) decide: mined, category best seller,
 * store best seller. Pairings the monthly review retired are never picked; a manual pairing whose
 * product is out of stock or has no page is passed over for the next.
 */
export function pairingActivities(db: Db, storeSellers: RecentBestSellerCache): Pick<JourneyActivityImplementations, 'pickPairing'> {
  return {
    async pickPairing({ storeId, customerId, orderId, excludePairingIds, excludeProductIds, segment: journeySegment }) {
      const { lines, owned, manual, retired } = await readPickFacts(db, storeId, customerId, orderId)
      // An order without lines has nothing for a pick to go with.
      if (lines.length === 0) return null
      const triggerIds = [...new Set(lines.map((line) => line.productId))]
      const excluded = [...new Set([...owned, ...triggerIds, ...excludeProductIds])]
      // What this journey already emailed, and what the pairing review retired.
      const excludedPairingIds = [...excludePairingIds, ...retired]
      // manualPairingsFor answers only pairings whose product is in stock and has a page.
      const sendable = new Set(manual.map((pairing) => pairing.recommendedProductId))
      const manualPick = chooseManualPairing({
        triggerProductIds: triggerIds,
        excludedProductIds: excluded,
        excludedPairingIds,
        catalogue: (productId) => (sendable.has(productId) ? { available: true } : undefined),
        manualPairings: manual,
      })
      if (manualPick) return manualPick

      const [rules, segment, mined, sellers] = await Promise.all([
        recommendationRulesFor(db, storeId),
        // Tasks scheduled before the journey passed its segment carry none: derive it as they did.
        journeySegment ?? loadSegmentedCustomer(db, storeId, customerId).then((customer) => customer.segment),
        minedPairingsFor(db, storeId, triggerIds, minedPerTrigger),
        storeSellers.read(storeId),
      ])
      const storeSellerIds = sellers.map((seller) => seller.productId).filter((productId) => !excluded.includes(productId))
      const products = await findProducts(db, storeId, [
        ...new Set([...triggerIds, ...mined.map((pairing) => pairing.recommendedProductId), ...storeSellerIds]),
      ])
      const facts = catalogueFacts(products, lines)
      const catalogue = (productId: string) => facts.get(productId)
      const band = rules.priceBands[segment]
      const categories = [...orderCategories(triggerIds, catalogue).keys()]
      const [categorySellers, recommendable] = await Promise.all([
        bestSellersIn(db, storeId, categories, excluded, bestSellersPerPick, band),
        recommendableProducts(db, storeId, excluded, recommendablePerPick, band),
      ])
      return chooseJourneyPairing({
        triggerProductIds: triggerIds,
        excludedProductIds: excluded,
        excludedPairingIds,
        catalogue,
        rules: { ...rules, priceBands: { [segment]: numericBand(band) } },
        segment,
        // None fitted above; passed so the recommender's order of sources stays whole.
        manualPairings: manual,
        minedPairings: mined,
        categoryBestSellers: categorySellers,
        storeBestSellers: storeSellerIds,
        recommendableProducts: recommendable,
      })
    },
  }
}

/** The recommender's view of the catalogue; an order's product it does not know keeps its line's category for the rules. */
function catalogueFacts(products: readonly ShownProduct[], lines: readonly BoughtLine[]): Map<string, ProductFacts> {
  const facts = new Map<string, ProductFacts>(
    products.map((product) => [
      product.productId,
      {
        // An email links to the product, so one without a page cannot be recommended.
        available: product.available && Boolean(product.url),
        title: product.title,
        ...(product.category === null ? {} : { category: product.category }),
        ...(product.price === null ? {} : { price: Number(product.price) }),
      },
    ]),
  )
  for (const line of lines) {
    const known = facts.get(line.productId)
    if (line.category !== null && known?.category === undefined)
      facts.set(line.productId, { available: false, ...known, category: line.category })
  }
  return facts
}

/** The recommender compares prices as numbers of major units, like the catalogue facts above. */
function numericBand(band: PriceLimits | undefined): PriceBand {
  return { ...(band?.min === undefined ? {} : { min: Number(band.min) }), ...(band?.max === undefined ? {} : { max: Number(band.max) }) }
}
