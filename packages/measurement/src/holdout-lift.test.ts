import { seededRandom } from '@crosswise/domain'
import { describe, expect, it } from 'vitest'
import { holdoutLift, type HoldoutOutcome } from './holdout-lift.ts'

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/**
 * A store whose emails raise each customer's chance of buying again by 8 points (the planted truth), with
 * 10 % of its customers held out; a customer's earlier spend predicts what they spend when they return.
 */
function simulatedStore(random: () => number, journeys: number): HoldoutOutcome[] {
  return Array.from({ length: journeys }, () => {
    const heldOut = random() < 0.1
    // Customers who spent more before come back more often and spend more (loyalty): 10–40 %, 25 % on average.
    const loyalty = normal(random)
    const habit = Math.exp(3.5 + 0.5 * loyalty)
    const buys = random() < 0.25 + 0.15 * Math.tanh(loyalty) + (heldOut ? 0 : 0.08)
    const value = buys ? habit * Math.exp(0.3 * normal(random)) : 0
    return { heldOut, ordersInWindow: buys ? 1 : 0, revenueInWindow: value, nextOrderValue: buys ? value : null, spendBefore: habit * 2 }
  })
}

describe('holdoutLift', () => {
  it('covers the planted repeat-purchase and revenue lifts in 93–97 % of 1,000 simulated stores', () => {
    const random = seededRandom(606)
    const meanValue = Math.exp(3.5 + 0.5 ** 2 / 2) * Math.exp(0.3 ** 2 / 2)
    let repeatHits = 0
    let revenueHits = 0
    let adjustedWidth = 0
    let unadjustedWidth = 0
    const stores = 1_000
    for (let store = 0; store < stores; store++) {
      const lift = holdoutLift(simulatedStore(random, 2_000))
      const { lift: repeat } = lift.repeatPurchaseRate
      if (repeat.low <= 0.08 && 0.08 <= repeat.high) repeatHits++
      const { lift: revenue, unadjusted } = lift.revenuePerCustomer
      if (revenue.low <= 0.08 * meanValue && 0.08 * meanValue <= revenue.high) revenueHits++
      adjustedWidth += revenue.high - revenue.low
      unadjustedWidth += unadjusted.high - unadjusted.low
    }
    for (const hits of [repeatHits, revenueHits]) {
      expect(hits / stores).toBeGreaterThanOrEqual(0.93)
      expect(hits / stores).toBeLessThanOrEqual(0.97)
    }
    // Earlier spend predicts spend on return, so CUPED narrows the revenue interval on average.
    expect(adjustedWidth / unadjustedWidth).toBeLessThan(0.95)
  })

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
