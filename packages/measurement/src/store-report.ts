import { holdoutLift, type HoldoutLift, type HoldoutOutcome } from './holdout-lift.ts'
import { wilsonInterval } from './proportion-interval.ts'

/** One pairing's emails and what they earned; revenue a decimal string. */
export interface PairingTotals {
  pairingId: string
  source: string | null
  sends: number
  /** Emails clicked. */
  clicks: number
  conversions: number
  revenue: string
}

export interface PairingReport extends PairingTotals {
  clickRate: number
  /** Wilson 95 % interval of the click-through rate. */
  clickInterval: { low: number; high: number }
  conversionRate: number
  /** Wilson 95 % interval of the conversion rate: its lower bound is what the review can count on. */
  conversionInterval: { low: number; high: number }
  revenuePerSend: number
}

/** The measured part of a store's report: the lift and each pairing's results. */
export interface StoreReport {
  /** Journeys whose window has closed; null before any has. */
  lift: HoldoutLift | null
  /** The lift's window, in milliseconds after the point of sending. */
  liftWindowMs: number
  pairings: PairingReport[]
}

/** What the report needs from its readers: closed-window holdout outcomes and pairing totals. */
export interface StoreReportInput {
  outcomes: readonly HoldoutOutcome[]
  liftWindowMs: number
  pairings: readonly PairingTotals[]
}

/** The lift and the pairing results `crosswise report` shows, from what the database holds. */
export function storeReport(input: StoreReportInput): StoreReport {
  const groups = new Set(input.outcomes.map((outcome) => outcome.heldOut))
  return {
    // A comparison needs both groups.
    lift: groups.size === 2 ? holdoutLift(input.outcomes) : null,
    liftWindowMs: input.liftWindowMs,
    pairings: input.pairings.map((pairing) => {
      const interval = wilsonInterval({ successes: pairing.conversions, trials: pairing.sends })
      const clicked = wilsonInterval({ successes: pairing.clicks, trials: pairing.sends })
      return {
        ...pairing,
        clickRate: clicked.rate,
        clickInterval: { low: clicked.low, high: clicked.high },
        conversionRate: interval.rate,
        conversionInterval: { low: interval.low, high: interval.high },
        revenuePerSend: pairing.sends === 0 ? 0 : Number(pairing.revenue) / pairing.sends,
      }
    }),
  }
}
