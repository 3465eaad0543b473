import { type Baskets, basketCount } from './baskets.ts'
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
  /**
   * Baskets with more items are left out (default: none): a wholesale order of 500 lines adds
   * 125 k pairs that say little about what goes together, and its quadratic cost would dominate.
   */
  maxBasketSize?: number
  /**
   * Pair entries gathered per pass (default 2²⁵, 128 MB); see {@link countPairs}. Each pass scans every
   * basket, so a larger buffer means fewer scans (about a dozen for 10 M orders).
   */
  chunkEntries?: number
}

/**
 * Counts, row by row, how often each item was bought with each other item ("bought together": the
 * baskets holding both; symmetric unless `maxPartners` cuts a row) and, given `next`, how often each
 * item was followed by another in the customer's next order ("bought `a`, then `b`": directed).
 * Re-orders count as transitions: counting only first purchases of `b` ranked worse (HR@10 0.36 vs
 * 0.40 alone on the Online Retail validation split), as it throws most events away.
 *
 * Memory decides the speed here. Walking each item's baskets through an inverted index stalls on a
 * cache miss per basket (the basket, its items, its successor), so instead the items are taken in
 * chunks: one sequential scan over all baskets copies, for every item of the chunk, the contents of
 * its baskets and of their next orders into a contiguous segment, and each segment is then counted
 * in a dense counter with a touched list. About 2.5× faster than the inverted walk on 10 M orders.
 */
export function countPairs(baskets: Baskets, options: PairCountOptions = {}): CountedPairs {
  const { offsets, items, itemCount } = baskets
  const { next } = options
  const maxBasketSize = options.maxBasketSize ?? Number.POSITIVE_INFINITY
  const count = basketCount(baskets)
  // The loops below run over tens of millions of baskets: sizes and successors are computed inline
  // rather than through helper closures.

  // Pass 1: row totals, and the size of each item's segment: its baskets' other items, then their next orders.
  // Per item, side by side so one cache line serves each update: baskets holding it, its segment's
  // same-order size, baskets holding it that have a next order, and that part's size.
  const tally = new Float64Array(itemCount * 4)
  const followedTotals = new Uint32Array(itemCount)
  let basketsCounted = 0
  let transitionCount = 0
  for (let basket = 0; basket < count; basket++) {
    const from = offsets[basket]!
    const to = offsets[basket + 1]!
    if (to - from > maxBasketSize) continue
    basketsCounted++
    let following = next ? next[basket]! : -1
    let followingSize = 0
    if (following >= 0) {
      followingSize = offsets[following + 1]! - offsets[following]!
      if (followingSize > maxBasketSize) following = -1
    }
    if (following >= 0) {
      transitionCount++
      for (let position = offsets[following]!; position < offsets[following + 1]!; position++) followedTotals[items[position]!]!++
    }
    for (let position = from; position < to; position++) {
      const slot = items[position]! * 4
      tally[slot]!++
      tally[slot + 1]! += to - from - 1
      if (following >= 0) {
        tally[slot + 2]!++
        tally[slot + 3]! += followingSize
      }
    }
  }

  const togetherTotals = Uint32Array.from({ length: itemCount }, (_, item) => tally[item * 4]!)
  const togetherSizes = Float64Array.from({ length: itemCount }, (_, item) => tally[item * 4 + 1]!)
  const afterTotals = Uint32Array.from({ length: itemCount }, (_, item) => tally[item * 4 + 2]!)
  const afterSizes = Float64Array.from({ length: itemCount }, (_, item) => tally[item * 4 + 3]!)

  const together = new PairRowAccumulator(itemCount, options)
  const after = next && new PairRowAccumulator(itemCount, options)
  const chunkEntries = options.chunkEntries ?? 1 << 25
  let buffer = new Uint32Array(0)
  // Positions within the chunk's buffer, so 32 bits suffice and indexing stays on integers.
  const togetherCursors = new Uint32Array(itemCount)
  const afterCursors = new Uint32Array(itemCount)
  for (let first = 0; first < itemCount;) {
    // The chunk: as many items as fit, and at least one however large its segment.
    let last = first
    let entries = 0
    while (last < itemCount && (last === first || entries + togetherSizes[last]! + afterSizes[last]! <= chunkEntries)) {
      togetherCursors[last] = entries
      afterCursors[last] = entries + togetherSizes[last]!
      entries += togetherSizes[last]! + afterSizes[last]!
      last++
    }
    if (buffer.length < entries) buffer = new Uint32Array(Math.max(entries, chunkEntries))
    // One sequential scan; a basket's items are sorted, so its first and last tell whether it
    // touches the chunk at all.
    for (let basket = 0; basket < count; basket++) {
      const from = offsets[basket]!
      const to = offsets[basket + 1]!
      if (to === from || items[to - 1]! < first || items[from]! >= last || to - from > maxBasketSize) continue
      let following = next ? next[basket]! : -1
      let followingFrom = 0
      let followingTo = 0
      if (following >= 0) {
        followingFrom = offsets[following]!
        followingTo = offsets[following + 1]!
        if (followingTo - followingFrom > maxBasketSize) following = -1
      }
      for (let position = from; position < to; position++) {
        const item = items[position]!
        if (item >= last) break
        if (item < first) continue
        // The basket without the item itself: a fifth fewer writes than copying it whole.
        let cursor = togetherCursors[item]!
        for (let copy = from; copy < position; copy++) buffer[cursor++] = items[copy]!
        for (let copy = position + 1; copy < to; copy++) buffer[cursor++] = items[copy]!
        togetherCursors[item] = cursor
        if (following < 0) continue
        cursor = afterCursors[item]!
        for (let copy = followingFrom; copy < followingTo; copy++) buffer[cursor++] = items[copy]!
        afterCursors[item] = cursor
      }
    }
    // Each cursor now sits at the end of its part: count the parts row by row.
    for (let item = first; item < last; item++) {
      const end = togetherCursors[item]!
      together.addRange(buffer, end - togetherSizes[item]!, end, item)
      together.endRow()
      if (after) {
        after.addRange(buffer, afterCursors[item]! - afterSizes[item]!, afterCursors[item]!, item)
        after.endRow()
      }
    }
    first = last
  }
  return {
    coPurchases: together.finish({ rowTotals: togetherTotals, partnerTotals: togetherTotals, eventCount: basketsCounted }),
    transitions: after?.finish({ rowTotals: afterTotals, partnerTotals: followedTotals, eventCount: transitionCount }),
  }
}
