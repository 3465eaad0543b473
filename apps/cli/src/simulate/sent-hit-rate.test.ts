import { describe, expect, it } from 'vitest'
import { sentHitRates } from './sent-hit-rate.ts'

describe('sentHitRates', () => {
  it('counts hits of the first email and of any email among emailed customers, and over every customer', () => {
    const rates = sentHitRates([
      { sent: [['a'], ['b']], truth: new Set(['a']) },
      { sent: [['c'], ['d']], truth: new Set(['d', 'x']) },
      { sent: [['e']], truth: new Set(['x']) },
      { sent: [], truth: new Set(['a']) },
    ])
    expect(rates).toEqual({ cases: 4, emailed: 3, firstEmail: 1 / 3, anyEmail: 2 / 3, anyEmailOverAllCases: 2 / 4 })
  })

  it('is zero, not NaN, when nobody was emailed', () => {
    expect(sentHitRates([{ sent: [], truth: new Set(['a']) }])).toEqual({
      cases: 1,
      emailed: 0,
      firstEmail: 0,
      anyEmail: 0,
      anyEmailOverAllCases: 0,
    })
  })
})
