import { describe, expect, it } from 'vitest'
import { BasketsBuilder } from './baskets.ts'
import { countCoPurchases } from './co-purchases.ts'
import { invertBaskets } from './inverted-baskets.ts'
import { type PairCounts, pairCount } from './pair-counts.ts'

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

describe('countCoPurchases', () => {
  const orders = baskets([0, 1, 2], [0, 1], [1, 2], [0, 1, 3], [3])

  it('counts the orders holding both items, most frequent partner first', () => {
    const pairs = countCoPurchases(orders, invertBaskets(orders))
    expect(rows(pairs)).toEqual([
      [[1, 3], [2, 1], [3, 1]],
      [[0, 3], [2, 2], [3, 1]],
      [[1, 2], [0, 1]],
      [[0, 1], [1, 1]],
    ])
    expect(Array.from(pairs.rowTotals)).toEqual([3, 4, 2, 2])
    expect(pairs.eventCount).toBe(5)
    expect(pairCount(pairs, 2, 1)).toBe(2)
    expect(pairCount(pairs, 2, 3)).toBe(0)
  })

  it('scores pairs by shrunk cosine: count / (√(n_a · n_b) + 10)', () => {
    const pairs = countCoPurchases(orders, invertBaskets(orders))
    expect(pairs.scores[0]).toBeCloseTo(3 / (Math.sqrt(3 * 4) + 10), 6)
  })

  it('leaves out baskets above the size cap, pairs below the minimum and partners beyond the limit', () => {
    const pairs = countCoPurchases(orders, invertBaskets(orders, 2), { minSupport: 1, maxPartners: 1 })
    // Only the two-item orders count: {0,1} and {1,2}; item 1 keeps one partner, the lower number on a tie.
    expect(rows(pairs)).toEqual([[[1, 1]], [[0, 1]], [[1, 1]], []])
    const frequent = countCoPurchases(orders, invertBaskets(orders), { minSupport: 2 })
    expect(rows(frequent)).toEqual([[[1, 3]], [[0, 3], [2, 2]], [[1, 2]], []])
  })
})
