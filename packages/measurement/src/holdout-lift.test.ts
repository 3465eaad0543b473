import { describe, expect, it } from 'vitest'
import { holdoutLift, type HoldoutOutcome } from './holdout-lift.ts'
import { holdoutLiftCoverage } from './planted-truths.ts'

// The coverage run is seconds of arithmetic; a busy machine may take several times that.
describe('holdoutLift', () => {
  it('covers the planted repeat-purchase and revenue lifts in 93–97 % of 1,000 simulated stores', () => {
    const { repeat, revenue, cupedWidth } = holdoutLiftCoverage(1_000, 2_000)
    for (const coverage of [repeat, revenue]) {
      expect(coverage).toBeGreaterThanOrEqual(0.93)
      expect(coverage).toBeLessThanOrEqual(0.97)
    }
    // Earlier spend predicts spend on return, so CUPED narrows the revenue interval on average.
    expect(cupedWidth).toBeLessThan(0.95)
  }, 60_000)

  it('counts both groups and reads each measure from its own customers', () => {
    const outcomes: HoldoutOutcome[] = [
      { heldOut: false, ordersInWindow: 2, revenueInWindow: 60, nextOrderValue: 40, spendBefore: 10 },
      { heldOut: false, ordersInWindow: 0, revenueInWindow: 0, nextOrderValue: null, spendBefore: 30 },
      { heldOut: true, ordersInWindow: 1, revenueInWindow: 20, nextOrderValue: 20, spendBefore: 20 },
      { heldOut: true, ordersInWindow: 0, revenueInWindow: 0, nextOrderValue: null, spendBefore: 0 },
    ]
    const lift = holdoutLift(outcomes)
    expect(lift.customers).toEqual({ emailed: 2, heldOut: 2 })
    expect(lift.repeatPurchaseRate).toMatchObject({ emailed: 0.5, heldOut: 0.5 })
    expect(lift.revenuePerCustomer).toMatchObject({ emailed: 30, heldOut: 10 })
    expect(lift.revenuePerCustomer.unadjusted.difference).toBe(20)
    expect(lift.nextOrderValue).toMatchObject({ emailed: 40, heldOut: 20 })
    // One next order per group: too few for an interval.
    expect(lift.nextOrderValue.lift.low).toBe(Number.NEGATIVE_INFINITY)
  })
})
