import type { Baskets } from './baskets.ts'
import type { InvertedBaskets } from './inverted-baskets.ts'
import { PairRowAccumulator } from './pair-row-accumulator.ts'
import type { PairCounts, PairLimits } from './pair-counts.ts'

/** Same-order counts, and next-order counts when the purchase sequence was given. */
export interface CountedPairs {
  readonly coPurchases: PairCounts
  readonly transitions: PairCounts | undefined
}

/** What {@link countPairs} counts and keeps. */
export interface PairCountOptions extends PairLimits {
  /** {@link nextBaskets} of the same baskets; without it, only same-order pairs are counted. */
  next?: Int32Array
  /** A next order with more items is skipped, as the inverted index skips huge baskets. */
  maxBasketSize?: number
}

/**
 * Counts, row by row, how often each item was bought with each other item ("bought together": the
 * baskets in `inverted` holding both; symmetric unless `maxPartners` cuts a row) and, given `next`,
 * how often each item was followed by another in the customer's next order ("bought `a`, then `b`":
 * directed). Both come from one walk over each item's baskets, so a basket is fetched from memory
 * once for both. Re-orders count as transitions: counting only first purchases of `b` ranked worse
 * (HR@10 0.36 vs 0.40 alone on the Online Retail validation split), as it throws most events away.
 */
export function countPairs(baskets: Baskets, inverted: InvertedBaskets, options: PairCountOptions = {}): CountedPairs {
  const { offsets, items, itemCount } = baskets
  const { next } = options
  const maxBasketSize = options.maxBasketSize ?? Number.POSITIVE_INFINITY
  const together = new PairRowAccumulator(itemCount, options)
  const after = next && new PairRowAccumulator(itemCount, options)
  const togetherTotals = new Uint32Array(itemCount)
  const afterTotals = new Uint32Array(itemCount)
  const followedTotals = new Uint32Array(itemCount)
  const counts = (following: number): boolean => following >= 0 && offsets[following + 1]! - offsets[following]! <= maxBasketSize
  let transitionCount = 0
  for (let basket = 0; basket < (next?.length ?? 0); basket++) {
    const following = next![basket]!
    if (!counts(following)) continue
    transitionCount++
    for (let position = offsets[following]!; position < offsets[following + 1]!; position++) followedTotals[items[position]!]!++
  }
  for (let item = 0; item < itemCount; item++) {
    const from = inverted.offsets[item]!
    const to = inverted.offsets[item + 1]!
    togetherTotals[item] = to - from
    for (let position = from; position < to; position++) {
      const basket = inverted.baskets[position]!
      together.addRange(items, offsets[basket]!, offsets[basket + 1]!, item)
      const following = next ? next[basket]! : -1
      if (after && counts(following)) {
        afterTotals[item]!++
        after.addRange(items, offsets[following]!, offsets[following + 1]!, item)
      }
    }
    together.endRow()
    after?.endRow()
  }
  return {
    coPurchases: together.finish({ rowTotals: togetherTotals, partnerTotals: togetherTotals, eventCount: inverted.basketCount }),
    transitions: after?.finish({ rowTotals: afterTotals, partnerTotals: followedTotals, eventCount: transitionCount }),
  }
}
