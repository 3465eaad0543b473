import { describe, expect, it } from 'vitest'
import type { EvaluationCase } from './cutoff-split.ts'
import { measureRanker } from './segment-metrics.ts'

function evaluationCase(customer: number, truth: number[], segments: EvaluationCase['segments']): EvaluationCase {
  const empty = new Uint32Array()
  return { customer, trigger: empty, history: empty, owned: empty, truth: Uint32Array.from(truth), segments }
}

describe('measureRanker', () => {
  it('averages each metric over every case and over each segment', () => {
    const cases = [
      evaluationCase(0, [1], ['first-time', 'top-spend']),
      evaluationCase(1, [2, 3], ['repeat']),
      evaluationCase(2, [4], ['repeat']),
    ]
    const lists: Record<number, number[]> = { 0: [1], 1: [10, 11, 12, 13, 14, 2], 2: [] }
    const metrics = measureRanker(cases, ({ customer }) => lists[customer]!)
    // Case 1 hits at rank 6: NDCG = (1/log2 7) / (1 + 1/log2 3).
    const ndcgOfCase1 = 1 / Math.log2(7) / (1 + 1 / Math.log2(3))
    expect(metrics.all).toEqual({
      cases: 3,
      hitRate5: 1 / 3,
      hitRate10: 2 / 3,
      recall10: 0.5,
      ndcg10: expect.closeTo((1 + ndcgOfCase1) / 3, 10),
    })
    expect(metrics.repeat).toEqual({ cases: 2, hitRate5: 0, hitRate10: 0.5, recall10: 0.25, ndcg10: expect.closeTo(ndcgOfCase1 / 2, 10) })
    expect(metrics['first-time']).toEqual({ cases: 1, hitRate5: 1, hitRate10: 1, recall10: 1, ndcg10: 1 })
    expect(metrics['top-spend'].cases).toBe(1)
  })

  it('reports zero for a segment without cases', () => {
    expect(measureRanker([], () => [])['top-spend']).toEqual({ cases: 0, hitRate5: 0, hitRate10: 0, recall10: 0, ndcg10: 0 })
  })
})
