import { type Baskets, basketCount } from './baskets.ts'

/**
 * For each item, the baskets that hold it (ascending), in compressed sparse rows: item `i` is in
 * `baskets[offsets[i] .. offsets[i + 1])`. Pair mining walks this index row by row.
 */
export interface InvertedBaskets {
  readonly offsets: Uint32Array
  readonly baskets: Uint32Array
  /** How many baskets the index holds (those within the size cap). */
  readonly basketCount: number
}

/**
 * Inverts `baskets`, leaving out baskets with more than `maxBasketSize` items: a wholesale order of
 * 500 lines adds 125 k pairs that say little about what goes together, and its quadratic cost would
 * dominate mining.
 */
export function invertBaskets(baskets: Baskets, maxBasketSize = Number.POSITIVE_INFINITY): InvertedBaskets {
  const { offsets, items, itemCount } = baskets
  const count = basketCount(baskets)
  const rowOffsets = new Uint32Array(itemCount + 1)
  let indexed = 0
  for (let basket = 0; basket < count; basket++) {
    const start = offsets[basket]!
    const end = offsets[basket + 1]!
    if (end - start > maxBasketSize) continue
    indexed++
    for (let position = start; position < end; position++) rowOffsets[items[position]! + 1]!++
  }
  for (let item = 0; item < itemCount; item++) rowOffsets[item + 1]! += rowOffsets[item]!
  const cursor = rowOffsets.slice(0, itemCount)
  const holders = new Uint32Array(rowOffsets[itemCount]!)
  for (let basket = 0; basket < count; basket++) {
    const start = offsets[basket]!
    const end = offsets[basket + 1]!
    if (end - start > maxBasketSize) continue
    for (let position = start; position < end; position++) holders[cursor[items[position]!]!++] = basket
  }
  return { offsets: rowOffsets, baskets: holders, basketCount: indexed }
}
