import { describe, expect, it } from 'vitest'
import { hitRateAt, ndcgAt, recallAt } from './metrics.ts'

describe('ranking metrics, against a hand-computed example', () => {
  // Recommended 5, 3, 9, 1 (best first); the customer bought 1 and 3: hits at ranks 2 and 4.
  const ranked = [5, 3, 9, 1]
  const truth = Uint32Array.of(1, 3)

  it('HR@k is 1 once a bought item is in the first k', () => {
    expect(hitRateAt(ranked, truth, 1)).toBe(0)
    expect(hitRateAt(ranked, truth, 2)).toBe(1)
    expect(hitRateAt(ranked, truth, 10)).toBe(1)
  })

  it('Recall@k is the share of bought items in the first k', () => {
    expect(recallAt(ranked, truth, 2)).toBe(0.5)
    expect(recallAt(ranked, truth, 3)).toBe(0.5)
    expect(recallAt(ranked, truth, 4)).toBe(1)
  })

  it('NDCG@k discounts hits by log2(rank + 1) against the ideal order', () => {
    // DCG@4 = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068; ideal = 1 + 1/log2(3) = 1.63093.
    expect(ndcgAt(ranked, truth, 4)).toBeCloseTo(1.06161 / 1.63093, 4)
    expect(ndcgAt(ranked, truth, 2)).toBeCloseTo(0.63093 / 1.63093, 4)
    expect(ndcgAt([3, 1], truth, 10)).toBe(1)
  })

  it('scores nothing for an empty list or an empty truth', () => {
    expect([hitRateAt([], truth, 10), recallAt([], truth, 10), ndcgAt([], truth, 10)]).toEqual([0, 0, 0])
    expect([recallAt(ranked, new Uint32Array(), 10), ndcgAt(ranked, new Uint32Array(), 10)]).toEqual([0, 0])
  })
})
