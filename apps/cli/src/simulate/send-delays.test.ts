import { describe, expect, it } from 'vitest'
import { delaySpreads, quantile } from './send-delays.ts'

const day = 86_400_000

describe('quantile', () => {
  it('takes the nearest rank', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(quantile(values, 0.5)).toBe(5)
    expect(quantile(values, 0.9)).toBe(9)
    expect(quantile(values, 1)).toBe(10)
    expect(quantile([4], 0.9)).toBe(4)
    expect(quantile([], 0.5)).toBeNaN()
  })
})

describe('delaySpreads', () => {
  it('summarises the delays of each segment in days and leaves out segments without emails', () => {
    const spreads = delaySpreads([
      { segment: 'vip', delayMs: 3.5 * day },
      { segment: 'vip', delayMs: 3 * day },
      { segment: 'first-time', delayMs: 7 * day },
    ])
    expect(spreads).toEqual({
      'first-time': { emails: 1, minDays: 7, p50Days: 7, p90Days: 7, maxDays: 7 },
      vip: { emails: 2, minDays: 3, p50Days: 3, p90Days: 3.5, maxDays: 3.5 },
    })
  })
})
