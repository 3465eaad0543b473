import { describe, expect, it } from 'vitest'
import { BasketsBuilder } from './baskets.ts'
import { itemFrequencies, rankByPopularity, recentPopularity } from './popularity.ts'

const day = 86_400_000

describe('popularity', () => {
  const builder = new BasketsBuilder()
  builder.add(0, 0, [0, 1])
  builder.add(1, 10 * day, [1])
  builder.add(2, 20 * day, [2])
  const baskets = builder.build()

  it('counts orders per item, or halves an order’s weight every half-life', () => {
    expect(Array.from(itemFrequencies(baskets))).toEqual([1, 2, 1])
    expect(Array.from(recentPopularity(baskets, 20 * day, 10))).toEqual([0.25, 0.75, 1])
    expect(Array.from(recentPopularity(baskets, 20 * day, Number.POSITIVE_INFINITY))).toEqual([1, 2, 1])
  })

  it('ranks overall and within categories, ties to the lower item number', () => {
    const ranking = rankByPopularity([1, 3, 3, 2], Int32Array.of(0, 1, 0, -1), 2)
    expect(Array.from(ranking.overall)).toEqual([1, 2, 3, 0])
    expect(Array.from(ranking.byCategory.subarray(ranking.categoryOffsets[0], ranking.categoryOffsets[1]))).toEqual([2, 0])
    expect(Array.from(ranking.byCategory.subarray(ranking.categoryOffsets[1], ranking.categoryOffsets[2]))).toEqual([1])
  })
})
