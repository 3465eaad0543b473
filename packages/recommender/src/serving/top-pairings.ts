import type { MinedPairing } from '@crosswise/domain'
import { pairCount } from '../mining/pair-counts.ts'
import type { PairingModel } from '../mining/pairing-model.ts'
import { rankItems } from '../ranking/rank-items.ts'
import { explain } from '../ranking/reasons.ts'

/** Knobs of {@link topPairings}. */
export interface TopPairingOptions {
  /** Partners kept per product (default 20). */
  perProduct?: number
  /** Told after each product, so a long run can report progress. */
  onProduct?: (done: number, total: number) => void
}

/**
 * Every product's best mined partners, as the journey serves them without the model in memory:
 * for each product, the model's ranking of a query holding that product alone, keeping mined
 * pairings only (the popular fallback is served from the live catalogue instead). Yields product by
 * product in item order, so a caller can write a large model in batches. Deterministic.
 */
export function* topPairings(model: PairingModel, options: TopPairingOptions = {}): Generator<MinedPairing> {
  const perProduct = options.perProduct ?? 20
  if (!Number.isInteger(perProduct) || perProduct < 1) throw new RangeError(`perProduct must be a positive integer, got ${perProduct}`)
  const { coPurchases, transitions, products } = model
  const total = products.size
  const title = (item: number): string => model.titles[item] ?? products.id(item)
  for (let item = 0; item < total; item++) {
    const query = { trigger: [item], history: [], isExcluded: (candidate: number) => candidate === item }
    let rank = 0
    for (const ranked of rankItems(model, query, { k: perProduct })) {
      if (ranked.source !== 'mined') continue
      const support = ranked.supportFrom === item ? ranked.support : 0
      const triggerOrders = coPurchases.rowTotals[item]!
      const recommendedOrders = coPurchases.rowTotals[ranked.item]!
      yield {
        triggerProductId: products.id(item),
        rank: ++rank,
        recommendedProductId: products.id(ranked.item),
        score: ranked.score,
        support,
        confidence: triggerOrders > 0 ? support / triggerOrders : 0,
        lift: support > 0 ? (support * coPurchases.eventCount) / (triggerOrders * recommendedOrders) : 0,
        triggerOrders,
        recommendedOrders,
        nextOrderCount: pairCount(transitions, item, ranked.item),
        reason: explain(model, ranked, query, title).text,
      }
    }
    options.onProduct?.(item + 1, total)
  }
}
