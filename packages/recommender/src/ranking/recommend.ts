import type { Segment } from '@crosswise/domain'
import type { ProductCatalogue, RecommendationRules } from '../filters/business-rules.ts'
import { CandidateFilter } from '../filters/candidate-filter.ts'
import { type ManualPairing, matchingPairings } from '../filters/manual-pairings.ts'
import type { PairingModel } from '../mining/pairing-model.ts'
import { ItemMarks } from './item-marks.ts'
import { rankItems } from './rank-items.ts'
import { explain } from './reasons.ts'

/** Who to recommend for and under which rules. */
export interface RecommendationRequest {
  /** Products of the order that started the journey. */
  triggerProductIds: readonly string[]
  /** Everything the customer bought before, most recent first; never recommended. */
  ownedProductIds: readonly string[]
  segment: Segment
  /** Current product facts; without it, what the model learnt from the orders (all available). */
  catalogue?: ProductCatalogue
  manualPairings?: readonly ManualPairing[]
  rules?: RecommendationRules
  /** How many recommendations (default 1). */
  k?: number
}

/** One product to recommend and why. */
export interface Recommendation {
  productId: string
  /** `manual`: the store's own pairing; `mined`: learnt from orders; `popular`: the fallback. */
  source: 'manual' | 'mined' | 'popular'
  /** A readable reason, e.g. "Bought with Tea cosy in 31 orders". */
  reason: string
  /** The purchased product the reason refers to, if any. */
  becauseOf?: string
  /** Orders holding both this product and `becauseOf` (0 unless the reason is a co-purchase). */
  support: number
}

/**
 * The `k` best products to recommend after an order: the store's manual pairings first (highest
 * priority first), then mined pairings by the model's blended score, then the most popular products
 * of the trigger's categories and of the store. Never the trigger or an owned product, an
 * unavailable one, one of a category the store marks incompatible with the trigger's, one outside the
 * segment's price band, or (for mined pairings) one below the rules' minimum support or lift.
 * Deterministic for the same model and request; a model loaded in memory answers in well under a
 * millisecond.
 *
 * Evaluation only: the bench and tests score the model through it. Journeys choose
 * among the stored pairings with `chooseJourneyPairing`, which holds the production order of sources.
 */
export function recommend(model: PairingModel, request: RecommendationRequest): Recommendation[] {
  const k = request.k ?? 1
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`)
  const filter = new CandidateFilter(model, request)
  const title = (productId: string): string => filter.facts(productId)?.title ?? productId
  const chosen: Recommendation[] = []
  const manual = matchingPairings(request.manualPairings ?? [], request.triggerProductIds)
  const ownedIds = manual.length === 0 ? undefined : new Set([...request.triggerProductIds, ...request.ownedProductIds])
  for (const pairing of manual) {
    if (chosen.length === k) return chosen
    if (ownedIds?.has(pairing.recommendedProductId) || !filter.allowsProduct(pairing.recommendedProductId)) continue
    chosen.push({
      productId: pairing.recommendedProductId,
      source: 'manual',
      reason: pairing.reason ?? `Goes with ${title(pairing.triggerProductId)} (the store’s pick)`,
      becauseOf: pairing.triggerProductId,
      support: 0,
    })
  }
  if (chosen.length === k) return chosen

  // The trigger, owned products and manual picks never come back; checked for every candidate, so by number.
  const taken = ItemMarks.start(model)
  const trigger = numbered(model, request.triggerProductIds, taken)
  const history = numbered(model, request.ownedProductIds, taken)
  numbered(
    model,
    chosen.map(({ productId }) => productId),
    taken,
  )
  const query = {
    trigger,
    history,
    isExcluded: (item: number) => taken.has(item),
    isAllowed: (item: number) => filter.allowsItem(item),
  }
  const ranked = rankItems(model, query, { k: k - chosen.length, minSupport: request.rules?.minSupport, minLift: request.rules?.minLift })
  const itemTitle = (item: number): string => title(model.products.id(item))
  for (const item of ranked) {
    const reason = explain(model, item, query, itemTitle)
    chosen.push({
      productId: model.products.id(item.item),
      source: item.source,
      reason: reason.text,
      ...(reason.becauseOf === undefined ? {} : { becauseOf: model.products.id(reason.becauseOf) }),
      support: reason.support,
    })
  }
  return chosen
}

/** The model's numbers for `productIds` not yet in `seen`, in order, each once; all are added to `seen`. */
function numbered(model: PairingModel, productIds: readonly string[], seen: ItemMarks): number[] {
  const items: number[] = []
  for (const productId of productIds) {
    const item = model.products.find(productId)
    if (item !== undefined && seen.add(item)) items.push(item)
  }
  return items
}
