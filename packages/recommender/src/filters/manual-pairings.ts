import { compareIds } from '../mining/item-index.ts'

/**
 * A store's own "X goes with Y", which outranks anything mined. Same shape as the rows the database
 * package stores, so a journey activity can pass them through unchanged.
 */
export interface ManualPairing {
  /** The product bought. */
  triggerProductId: string
  /** The product to recommend with it. */
  recommendedProductId: string
  /** Higher first. */
  priority: number
  /** Shown as the reason; defaults to "Goes with {trigger} (the store's pick)". */
  reason?: string
}

/**
 * The pairings whose trigger is among `triggerProductIds`, in the order they should be offered:
 * highest priority first, then by the trigger's position in the order, then by product id; each
 * recommended product once.
 */
export function matchingPairings(pairings: readonly ManualPairing[], triggerProductIds: readonly string[]): ManualPairing[] {
  const triggerRank = new Map(triggerProductIds.map((productId, index) => [productId, index]))
  const seen = new Set<string>()
  return pairings
    .filter((pairing) => triggerRank.has(pairing.triggerProductId))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        triggerRank.get(a.triggerProductId)! - triggerRank.get(b.triggerProductId)! ||
        compareIds(a.recommendedProductId, b.recommendedProductId),
    )
    .filter((pairing) => !seen.has(pairing.recommendedProductId) && seen.add(pairing.recommendedProductId))
}
