import { holdoutLift, type HoldoutLift, type HoldoutOutcome } from './holdout-lift.ts'
import { wilsonInterval } from './proportion-interval.ts'

/** The funnel's counts as the ledger holds them (see `journeyFunnel` in `@crosswise/db`). */
export interface FunnelCounts {
  orders: number
  journeys: number
  fulfilled: number
  reachedSend: number
  heldOut: number
  emailed: number
  emails: number
  purchased: number
}

/** One pairing's emails and what they earned; revenue a decimal string. */
export interface PairingTotals {
  pairingId: string
  source: string | null
  sends: number
  conversions: number
  revenue: string
}

export interface PairingReport extends PairingTotals {
  conversionRate: number
  /** Wilson 95 % interval of the conversion rate: its lower bound is what the review can count on. */
  conversionInterval: { low: number; high: number }
  revenuePerSend: number
}

export interface StoreReport {
  funnel: FunnelCounts
  /** Journeys whose window has closed; null before any has. */
  lift: HoldoutLift | null
  /** The lift's window, in days after the point of sending. */
  liftWindowDays: number
  pairings: PairingReport[]
}

/** What the report needs from its readers: the funnel, closed-window holdout outcomes, pairing totals. */
export interface StoreReportInput {
  funnel: FunnelCounts
  outcomes: readonly HoldoutOutcome[]
  liftWindowDays: number
  pairings: readonly PairingTotals[]
}

/** The numbers `crosswise report` and the admin API show, from what the database holds. */
export function storeReport(input: StoreReportInput): StoreReport {
  const groups = new Set(input.outcomes.map((outcome) => outcome.heldOut))
  return {
    funnel: input.funnel,
    // A comparison needs both groups.
    lift: groups.size === 2 ? holdoutLift(input.outcomes) : null,
    liftWindowDays: input.liftWindowDays,
    pairings: input.pairings.map((pairing) => {
      const interval = wilsonInterval({ successes: pairing.conversions, trials: pairing.sends })
      return {
        ...pairing,
        conversionRate: interval.rate,
        conversionInterval: { low: interval.low, high: interval.high },
        revenuePerSend: pairing.sends === 0 ? 0 : Number(pairing.revenue) / pairing.sends,
      }
    }),
  }
}
