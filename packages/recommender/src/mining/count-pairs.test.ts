import { describe, expect, it } from 'vitest'
import { BasketsBuilder } from './baskets.ts'
import { countPairs } from './count-pairs.ts'
import { type PairCounts, pairCount } from './pair-counts.ts'
import { nextBaskets } from './purchase-sequence.ts'

function baskets(...orders: number[][]) {
  const builder = new BasketsBuilder()
  orders.forEach((items, index) => builder.add(index, index, items))
  return builder.build()
}

function rows(pairs: PairCounts): [number, number][][] {
  return Array.from({ length: pairs.itemCount }, (_, item) =>
    Array.from(pairs.partners.subarray(pairs.offsets[item], pairs.offsets[item + 1]), (partner, index) => [
      partner,
      pairs.counts[pairs.offsets[item]! + index]!,
    ]),
  )
}

describe('countPairs: bought together', () => {
  const orders = baskets([0, 1, 2], [0, 1], [1, 2], [0, 1, 3], [3])

  it('counts the orders holding both items, most frequent partner first', () => {
    const pairs = countPairs(orders).coPurchases
    expect(rows(pairs)).toEqual([
      [
        [1, 3],
        [2, 1],
        [3, 1],
      ],
      [
        [0, 3],
        [2, 2],
        [3, 1],
      ],
      [
        [1, 2],
        [0, 1],
      ],
      [
        [0, 1],
        [1, 1],
      ],
    ])
    expect(Array.from(pairs.rowTotals)).toEqual([3, 4, 2, 2])
    expect(pairs.eventCount).toBe(5)
    expect(pairCount(pairs, 2, 1)).toBe(2)
    expect(pairCount(pairs, 2, 3)).toBe(0)
  })

  it('scores pairs by shrunk cosine: count / (√(n_a · n_b) + 10)', () => {
    const pairs = countPairs(orders).coPurchases
    expect(pairs.scores[0]).toBeCloseTo(3 / (Math.sqrt(3 * 4) + 10), 6)
  })

  it('leaves out baskets above the size cap, pairs below the minimum and partners beyond the limit', () => {
    const pairs = countPairs(orders, { maxBasketSize: 2, minSupport: 1, maxPartners: 1 }).coPurchases
    // Only the two-item orders count: {0,1} and {1,2}; item 1 keeps one partner, the lower number on a tie.
    expect(rows(pairs)).toEqual([[[1, 1]], [[0, 1]], [[1, 1]], []])
    const frequent = countPairs(orders, { minSupport: 2 }).coPurchases
    expect(rows(frequent)).toEqual([
      [[1, 3]],
      [
        [0, 3],
        [2, 2],
      ],
      [[1, 2]],
      [],
    ])
  })
})

describe('countPairs: bought next', () => {
  it('counts items of the next order per item of the order before, in one direction', () => {
    const builder = new BasketsBuilder()
    builder.add(0, 1, [0, 1])
    builder.add(0, 2, [2, 0])
    builder.add(1, 1, [0])
    builder.add(1, 5, [2])
    builder.add(2, 1, [2]) // a single order: no transition
    const baskets = builder.build()
    const transitions = countPairs(baskets, { next: nextBaskets(baskets) }).transitions!
    expect(pairCount(transitions, 0, 2)).toBe(2)
    expect(pairCount(transitions, 1, 2)).toBe(1)
    expect(pairCount(transitions, 1, 0)).toBe(1)
    expect(pairCount(transitions, 2, 0)).toBe(0)
    expect(pairCount(transitions, 0, 0)).toBe(0)
    expect(Array.from(transitions.rowTotals)).toEqual([2, 1, 0])
    expect(Array.from(transitions.partnerTotals)).toEqual([1, 0, 2])
    expect(transitions.eventCount).toBe(2)
  })

  it('skips a next order above the size cap, and counts none without the purchase sequence', () => {
    const builder = new BasketsBuilder()
    builder.add(0, 1, [0])
    builder.add(0, 2, [1, 2, 3])
    const baskets = builder.build()
    expect(countPairs(baskets, { next: nextBaskets(baskets), maxBasketSize: 2 }).transitions!.partners.length).toBe(0)
    expect(countPairs(baskets).transitions).toBeUndefined()
  })
})

describe('countPairs: chunks', () => {
  it('counts the same whether the items fit one pass or need one pass each', () => {
    let seed = 5
    const next = (below: number) => Math.floor(((seed = (seed * 48271) % 2147483647) / 2147483647) * below)
    const builder = new BasketsBuilder()
    for (let basket = 0; basket < 300; basket++)
      builder.add(
        next(40),
        basket,
        Array.from({ length: 1 + next(6) }, () => next(25)),
      )
    const baskets = builder.build()
    const options = { next: nextBaskets(baskets), maxBasketSize: 5 }
    expect(countPairs(baskets, { ...options, chunkEntries: 1 })).toEqual(countPairs(baskets, options))
  })
})
