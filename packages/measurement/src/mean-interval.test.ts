import { describe, expect, it } from 'vitest'
import { meanInterval } from './mean-interval.ts'
import { summarize } from './summary.ts'
import { welchInterval } from './welch-interval.ts'

describe('meanInterval', () => {
  it('gives from sums the interval that the values themselves give', () => {
    const revenue = [0, 0, 0, 12.5, 0, 40, 0, 0, 9.99, 0, 0, 0, 25, 0, 0, 0]
    const sums = { count: revenue.length, sum: revenue.reduce((a, b) => a + b, 0), sumSquares: revenue.reduce((a, b) => a + b * b, 0) }
    const interval = meanInterval(sums)
    // Welch against a constant zero group reduces to the one-sample t interval of the same data.
    const reference = welchInterval(summarize(revenue), { n: 1_000_000, mean: 0, variance: 0 })
    expect(interval.mean).toBeCloseTo(summarize(revenue).mean, 10)
    expect(interval.high).toBeCloseTo(reference.high, 2)
    expect(interval.low).toBeCloseTo(Math.max(0, reference.low), 2)
  })

  it('is unbounded above with fewer than two sends, and exact when every send earned the same', () => {
    expect(meanInterval({ count: 1, sum: 10, sumSquares: 100 })).toEqual({ mean: 10, low: 0, high: Number.POSITIVE_INFINITY })
    expect(meanInterval({ count: 4, sum: 20, sumSquares: 100 })).toEqual({ mean: 5, low: 5, high: 5 })
  })
})
