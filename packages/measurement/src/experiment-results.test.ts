import { describe, expect, it } from 'vitest'
import { experimentResults } from './experiment-results.ts'

const options = { minimumSendsPerVariant: 500, alpha: 0.05, tau: 0.02 }
// Every converting send earned the same (revenue / conversions), unless the squares say otherwise.
const totals = (variantId: string, sends: number, conversions: number, revenue = '0', opens = 0, clicks = 0) => ({
  variantId,
  sends,
  opens,
  clicks,
  conversions,
  revenue,
  revenueSquares: conversions === 0 ? 0 : Number(revenue) ** 2 / conversions,
})

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

  it('gives each variant its open and click rates and its revenue per send, each with a 95 % interval', () => {
    const results = experimentResults([totals('control', 1_000, 20, '800.00', 400, 50)], ['control'], options)
    const [control] = results.variants
    expect(control).toMatchObject({ openRate: 0.4, clickRate: 0.05, revenuePerSend: 0.8 })
    expect(control!.openInterval.low).toBeLessThan(0.4)
    expect(control!.openInterval.high).toBeGreaterThan(0.4)
    expect(control!.clickInterval.high - control!.clickInterval.low).toBeLessThan(0.03)
    // 20 sends of 40 and 980 of nothing: standard deviation 5.6, standard error 0.18, t ≈ 1.96.
    expect(control!.revenuePerSendInterval.low).toBeCloseTo(0.8 - 1.962 * Math.sqrt((20 * 1600 - 1000 * 0.64) / 999 / 1000), 2)
    expect(control!.revenuePerSendInterval.high).toBeCloseTo(0.8 + 1.962 * Math.sqrt((20 * 1600 - 1000 * 0.64) / 999 / 1000), 2)
  })

  it('shows a variant that has not sent yet as zeros', () => {
    const results = experimentResults([totals('control', 10, 1)], ['control', 'subject-b'], options)
    expect(results.variants[1]).toMatchObject({ variantId: 'subject-b', sends: 0, conversions: 0, conversionRate: 0, revenuePerSend: 0 })
  })
})
