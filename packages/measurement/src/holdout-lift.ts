import { cupedInterval } from './cuped.ts'
import { proportionDifferenceInterval, wilsonInterval } from './proportion-interval.ts'
import type { DifferenceInterval } from './summary.ts'
import { welchInterval } from './welch-interval.ts'

/**
 * One journey that reached the point of sending, with what its customer did in the window that
 * followed: the unit of the holdout comparison. Emailed or not, each is counted from that same point.
 */
export interface HoldoutOutcome {
  heldOut: boolean
  /** Orders the customer placed in the window after the point of sending. */
  ordersInWindow: number
  /** Their revenue, in the store's currency. */
  revenueInWindow: number
  /** The first of them, when there is one: the next order's value. */
  nextOrderValue: number | null
  /** What the customer spent before the trigger: CUPED's covariate. */
  spendBefore: number
}

/** One measure for both groups: each group's value and the difference (emailed minus held out). */
export interface LiftMeasure {
  emailed: number
  heldOut: number
  lift: DifferenceInterval
}

export interface HoldoutLift {
  customers: { emailed: number; heldOut: number }
  /** Share of customers who ordered again in the window. */
  repeatPurchaseRate: LiftMeasure & { emailedInterval: { low: number; high: number }; heldOutInterval: { low: number; high: number } }
  /**
   * Revenue per customer in the window. `lift` is CUPED-adjusted with spend before the trigger, always
   * (deciding after seeing both intervals would bias the coverage); `unadjusted` shows what it gained.
   */
  revenuePerCustomer: LiftMeasure & { unadjusted: DifferenceInterval }
  /** Value of the next order, among customers who placed one. */
  nextOrderValue: LiftMeasure
}

/**
 * The persistent holdout against the emailed group, intention-to-treat: every journey that reached
 * the point of sending counts in its group, whether its email then went out, bounced or was ignored.
 */
export function holdoutLift(outcomes: readonly HoldoutOutcome[], confidence = 0.95): HoldoutLift {
  const emailed = outcomes.filter((outcome) => !outcome.heldOut)
  const heldOut = outcomes.filter((outcome) => outcome.heldOut)

  const repeated = (group: readonly HoldoutOutcome[]) => ({
    successes: group.filter((outcome) => outcome.ordersInWindow > 0).length,
    trials: group.length,
  })
  const emailedRepeat = wilsonInterval(repeated(emailed), confidence)
  const heldOutRepeat = wilsonInterval(repeated(heldOut), confidence)

  const observations = (group: readonly HoldoutOutcome[]) =>
    group.map((outcome) => ({ outcome: outcome.revenueInWindow, covariate: outcome.spendBefore }))
  const revenue = cupedInterval(observations(emailed), observations(heldOut), confidence)
  const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length)

  const nextValues = (group: readonly HoldoutOutcome[]) =>
    group.flatMap((outcome) => (outcome.nextOrderValue === null ? [] : [outcome.nextOrderValue]))
  return {
    customers: { emailed: emailed.length, heldOut: heldOut.length },
    repeatPurchaseRate: {
      emailed: emailedRepeat.rate,
      heldOut: heldOutRepeat.rate,
      lift: proportionDifferenceInterval(repeated(emailed), repeated(heldOut), confidence),
      emailedInterval: { low: emailedRepeat.low, high: emailedRepeat.high },
      heldOutInterval: { low: heldOutRepeat.low, high: heldOutRepeat.high },
    },
    revenuePerCustomer: {
      emailed: mean(emailed.map((outcome) => outcome.revenueInWindow)),
      heldOut: mean(heldOut.map((outcome) => outcome.revenueInWindow)),
      lift: { difference: revenue.difference, low: revenue.low, high: revenue.high, confidence },
      unadjusted: revenue.unadjusted,
    },
    nextOrderValue: {
      emailed: mean(nextValues(emailed)),
      heldOut: mean(nextValues(heldOut)),
      lift: welchInterval(nextValues(emailed), nextValues(heldOut), confidence),
    },
  }
}
