import type { Segment } from '@crosswise/domain'
import type { ProductCatalogue, RecommendationRules } from '../filters/business-rules.ts'
import { RuleFilter } from '../filters/rule-filter.ts'
import { compareIds } from '../mining/item-index.ts'

/** A mined pairing as read back from storage: what {@link chooseStoredPairings} needs of it. */
export interface StoredPairing {
  triggerProductId: string
  recommendedProductId: string
  /** The trigger's own ranking, 1 first. */
  rank: number
  score: number
  /** Orders holding both products. */
  support: number
  lift: number
}

/** Whose order the stored pairings are chosen for, and under which rules. */
export interface StoredPairingRequest {
  /** Products of the order that started the journey. */
  triggerProductIds: readonly string[]
  /** Never recommended: everything the customer owns, and what the journey already recommended. */
  excludedProductIds: readonly string[]
  /** Current product facts; a product it does not know is not sold any more. */
  catalogue: ProductCatalogue
  rules?: RecommendationRules
  /** The customer's segment, for the rules' price bands; without it no band applies. */
  segment?: Segment
}

/**
 * The stored pairings of an order's products that may be recommended, best first: never a trigger
 * or excluded product, an unavailable or unknown one, one of a category the store marks incompatible
 * with a trigger's, one outside the segment's price band, or one below the rules' minimum support or
 * lift. Ranked by score, then the trigger's own rank, then the trigger's place in the order, then
 * product id; each recommended product once, under its best pairing. Deterministic.
 */
export function chooseStoredPairings<P extends StoredPairing>(pairings: readonly P[], request: StoredPairingRequest): P[] {
  const { catalogue, rules } = request
  const triggerPlace = new Map(request.triggerProductIds.map((productId, index) => [productId, index]))
  const excluded = new Set([...request.triggerProductIds, ...request.excludedProductIds])
  const filter = new RuleFilter({
    triggerCategories: request.triggerProductIds.map((productId) => catalogue(productId)?.category),
    rules,
    segment: request.segment,
  })
  const allowed = (pairing: P): boolean => {
    if (!triggerPlace.has(pairing.triggerProductId) || excluded.has(pairing.recommendedProductId)) return false
    if (pairing.support < (rules?.minSupport ?? 0) || pairing.lift < (rules?.minLift ?? 0)) return false
    return filter.allows(catalogue(pairing.recommendedProductId))
  }
  const seen = new Set<string>()
  return pairings
    .filter(allowed)
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.rank - b.rank ||
        triggerPlace.get(a.triggerProductId)! - triggerPlace.get(b.triggerProductId)! ||
        compareIds(a.recommendedProductId, b.recommendedProductId),
    )
    .filter((pairing) => !seen.has(pairing.recommendedProductId) && seen.add(pairing.recommendedProductId))
}
