import type { Baskets } from './baskets.ts'
import type { InvertedBaskets } from './inverted-baskets.ts'
import { PairRowAccumulator } from './pair-row-accumulator.ts'
import type { PairCounts, PairLimits } from './pair-counts.ts'

/**
 * Counts, for every pair of items, the baskets that hold both ("bought together"). Symmetric: row `a`
 * holds `b` exactly when row `b` holds `a` (unless `maxPartners` cut one of them). Only the baskets
 * in `inverted` count, so huge baskets left out of the index are left out here too.
 */
export function countCoPurchases(baskets: Baskets, inverted: InvertedBaskets, limits: PairLimits = {}): PairCounts {
  const { offsets, items, itemCount } = baskets
  const accumulator = new PairRowAccumulator(itemCount, limits)
  const rowTotals = new Uint32Array(itemCount)
  for (let item = 0; item < itemCount; item++) {
    const from = inverted.offsets[item]!
    const to = inverted.offsets[item + 1]!
    rowTotals[item] = to - from
    for (let position = from; position < to; position++) {
      const basket = inverted.baskets[position]!
      accumulator.addRange(items, offsets[basket]!, offsets[basket + 1]!, item)
    }
    accumulator.endRow()
  }
  return accumulator.finish({ rowTotals, partnerTotals: rowTotals, eventCount: inverted.basketCount })
}
