import { describe, expect, it } from 'vitest'
import { experimentResults } from './experiment-results.ts'

const options = { minimumSendsPerVariant: 500, alpha: 0.05, tau: 0.02 }
const totals = (variantId: string, sends: number, conversions: number, revenue = '0') => ({ variantId, sends, conversions, revenue })

describe('experimentResults', () => {
  it('declares nothing before each variant has its minimum of sends, however large the gap', () => {
    const results = experimentResults([totals('control', 400, 4), totals('ten-off', 400, 40)], ['control', 'ten-off'], options)
    expect(results.winner).toBeNull()
    expect(results.variants[1]?.versusControl).toMatchObject({ state: 'collecting' })
  })

  it('names a treated variant that clearly converts better, with each variant’s rate, interval and revenue per send', () => {
    const results = experimentResults(
      [totals('control', 2_000, 40, '800.00'), totals('ten-off', 2_000, 110, '1980.00')],
      ['control', 'ten-off'],
      options,
    )
    expect(results.winner).toBe('ten-off')
    expect(results.variants[0]).toMatchObject({ variantId: 'control', conversionRate: 0.02, revenuePerSend: 0.4 })
    expect(results.variants[0]?.versusControl).toBeUndefined()
    expect(results.variants[1]?.conversionInterval.low).toBeGreaterThan(0.045)
  })

  it('names the control when every treated variant is worse, and keeps quiet when they only look different', () => {
    const worse = experimentResults([totals('a', 2_000, 110), totals('b', 2_000, 40), totals('c', 2_000, 35)], ['a', 'b', 'c'], options)
    expect(worse.winner).toBe('a')
    const close = experimentResults([totals('a', 2_000, 100), totals('b', 2_000, 110)], ['a', 'b'], options)
    expect(close.winner).toBeNull()
  })

  it('shows a variant that has not sent yet as zeros', () => {
    const results = experimentResults([totals('control', 10, 1)], ['control', 'subject-b'], options)
    expect(results.variants[1]).toMatchObject({ variantId: 'subject-b', sends: 0, conversions: 0, conversionRate: 0, revenuePerSend: 0 })
  })
})
