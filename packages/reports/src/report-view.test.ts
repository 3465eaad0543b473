import { describe, expect, it } from 'vitest'
import { storeReportView } from './report-view.ts'
import type { FullStoreReport } from './store-report.ts'

const unbounded = { difference: 4, low: -Infinity, high: Infinity, confidence: 0.95 }
const measure = { emailed: 10, heldOut: 6, lift: unbounded }

const report: FullStoreReport = {
  funnel: { orders: 3, journeys: 3, fulfilled: 2, reachedSend: 2, heldOut: 1, emailed: 1, emails: 1, purchased: 0 },
  liftWindowDays: 30,
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
      conversions: 0,
      revenue: '0',
      conversionRate: 0,
      conversionInterval: { low: 0, high: 0.79 },
      revenuePerSend: 0,
    },
  ],
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
})
