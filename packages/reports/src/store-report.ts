import {
  holdoutOutcomes,
  journeyFunnel,
  latestPairingReview,
  pairingResults,
  type Db,
  type JourneyFunnel,
  type StoredPairingReview,
} from '@crosswise/db'
import { storeReport, type StoreReport } from '@crosswise/measurement'

export interface StoreReportQuery {
  /** Orders and emails from this time on. */
  since: Date
  /** Days after the point of sending in which a purchase counts for the lift. */
  windowDays: number
  /** Lift windows closed by this time count. */
  asOf: Date
}

/** A store's report: the funnel, the measured lift and pairings, and the latest pairing review. */
export type FullStoreReport = StoreReport & { funnel: JourneyFunnel; review: StoredPairingReview | null }

/** The report of one store, with its latest pairing review: what `crosswise report` and the admin API show. */
export async function loadStoreReport(db: Db, storeId: string, query: StoreReportQuery): Promise<FullStoreReport> {
  const [funnel, outcomes, pairings, review] = await Promise.all([
    journeyFunnel(db, storeId, query.since),
    holdoutOutcomes(db, storeId, { windowDays: query.windowDays, asOf: query.asOf, since: query.since }),
    pairingResults(db, storeId, query.since),
    latestPairingReview(db, storeId),
  ])
  const report = storeReport({
    liftWindowDays: query.windowDays,
    pairings,
    outcomes: outcomes.map((row) => ({
      heldOut: row.heldOut,
      ordersInWindow: row.ordersInWindow,
      revenueInWindow: Number(row.revenueInWindow),
      nextOrderValue: row.nextOrderValue === null ? null : Number(row.nextOrderValue),
      spendBefore: Number(row.spendBefore),
    })),
  })
  return { funnel, ...report, review: review ?? null }
}
