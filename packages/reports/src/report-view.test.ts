import { experimentSchema } from '@crosswise/domain'
import { experimentResults } from '@crosswise/measurement'
import { describe, expect, it } from 'vitest'
import { storeReportView } from './report-view.ts'
import type { FullStoreReport } from './store-report.ts'

const unbounded = { difference: 4, low: -Infinity, high: Infinity, confidence: 0.95 }
const measure = { emailed: 10, heldOut: 6, lift: unbounded }

const report: FullStoreReport = {
  funnel: { orders: 3, journeys: 3, fulfilled: 2, reachedSend: 2, heldOut: 1, emailed: 1, emails: 1, opened: 1, clicked: 0, purchased: 0 },
  journeyOutcomes: { 'not-opened': 2, 'held-out': 1 },
  liftWindowMs: 30 * 86_400_000,
  lift: {
    customers: { emailed: 1, heldOut: 1 },
    repeatPurchaseRate: { ...measure, emailedInterval: { low: 0, high: 1 }, heldOutInterval: { low: 0, high: 1 } },
    revenuePerCustomer: { ...measure, unadjusted: unbounded },
    nextOrderValue: measure,
  },
  pairings: [
    {
      pairingId: 'mined:kettle:mug',
      source: 'mined',
      sends: 1,
      clicks: 0,
      conversions: 0,
      revenue: '0',
      clickRate: 0,
      clickInterval: { low: 0, high: 0.79 },
      conversionRate: 0,
      conversionInterval: { low: 0, high: 0.79 },
      revenuePerSend: 0,
    },
  ],
  attribution: {
    windowDays: 5,
    total: { sends: 1, orders: 0, direct: 0, influenced: 0, revenue: 0, averageOrderValue: null, revenuePerSend: 0 },
    byPairing: [],
    byVariant: [],
    bySegment: [],
    byDay: [],
  },
  experiment: null,
  review: {
    id: '7',
    storeId: 'shop',
    reviewedAt: new Date('2026-12-01T04:00:00Z'),
    options: { minimumSends: 300 },
    entries: [
      { pairingId: 'mined:kettle:mug', source: 'mined', sends: 1, conversions: 0, verdict: 'collecting', reason: '1 of 300 sends needed' },
    ],
  },
}

describe('storeReportView', () => {
  it('shows a bound the data cannot give as null, never as a number, and dates as ISO strings', () => {
    const view = storeReportView(report)
    expect(view.lift?.revenuePerCustomer.lift).toEqual({ difference: 4, low: null, high: null, confidence: 0.95 })
    expect(view.lift?.repeatPurchaseRate.emailedInterval).toEqual({ low: 0, high: 1 })
    expect(view.review?.reviewedAt).toBe('2026-12-01T04:00:00.000Z')
    expect(view.pairings[0]?.conversionInterval.high).toBe(0.79)
    expect(JSON.parse(JSON.stringify(view))).toEqual(view)
  })

  it('shows an experiment with each variant’s content, results and verdict against the control', () => {
    const experiment = experimentSchema.parse({
      id: 'subject-test',
      name: 'Which subject line',
      variants: [{ id: 'control' }, { id: 'named', subject: 'Made for your lamp', offer: { kind: 'code', code: 'LAMP5', percentOff: 5 } }],
    })
    const control = { variantId: 'control', sends: 1, opens: 1, clicks: 0, conversions: 0, revenue: '0', revenueSquares: 0 }
    const results = experimentResults([control], ['control', 'named'], {
      minimumSendsPerVariant: 500,
      alpha: 0.05,
      tau: 0.02,
    })
    const view = storeReportView({
      ...report,
      experiment: { experiment: { experiment, startedAt: new Date('2026-12-01T00:00:00Z'), stoppedAt: null, winner: null }, ...results },
    })
    expect(view.experiment).toMatchObject({ id: 'subject-test', startedAt: '2026-12-01T00:00:00.000Z', stoppedAt: null, winner: null })
    expect(view.experiment?.variants).toMatchObject([
      // One send cannot bound revenue per send from above: null, not infinity, in JSON.
      {
        id: 'control',
        offer: null,
        subject: null,
        sends: 1,
        openRate: 1,
        revenuePerSendInterval: { low: 0, high: null },
        versusControl: null,
      },
      { id: 'named', offer: 'LAMP5', subject: 'Made for your lamp', sends: 0, versusControl: { state: 'collecting' } },
    ])
  })
})
