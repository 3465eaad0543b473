import {
  holdoutOutcomes,
  listExperiments,
  stopExperiment,
  variantResults,
  journeyFunnel,
  latestPairingReview,
  pairingResults,
  type Db,
  type JourneyFunnel,
  type StoredExperiment,
  type StoredPairingReview,
} from '@crosswise/db'
import {
  defaultExperimentTestOptions,
  experimentResults,
  storeReport,
  type ExperimentResults,
  type StoreReport,
} from '@crosswise/measurement'

export interface StoreReportQuery {
  /** Orders and emails from this time on. */
  since: Date
  /** Days after the point of sending in which a purchase counts for the lift. */
  windowDays: number
  /** Lift windows closed by this time count. */
  asOf: Date
}

/** The store's current (or last) experiment and its results per variant. */
export interface ExperimentReport extends ExperimentResults {
  experiment: StoredExperiment
}

/** A store's report: the funnel, the measured lift and pairings, the experiment and the latest pairing review. */
export type FullStoreReport = StoreReport & {
  funnel: JourneyFunnel
  experiment: ExperimentReport | null
  review: StoredPairingReview | null
}

/** The report of one store, with its latest pairing review: what `crosswise report` and the admin API show. */
export async function loadStoreReport(db: Db, storeId: string, query: StoreReportQuery): Promise<FullStoreReport> {
  const [funnel, outcomes, pairings, review, experiment] = await Promise.all([
    journeyFunnel(db, storeId, query.since),
    holdoutOutcomes(db, storeId, { windowDays: query.windowDays, asOf: query.asOf, since: query.since }),
    pairingResults(db, storeId, query.since),
    latestPairingReview(db, storeId),
    latestExperimentReport(db, storeId),
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
  return { funnel, ...report, experiment, review: review ?? null }
}

/** The running experiment, else the last one, with its results per variant. */
export async function latestExperimentReport(db: Db, storeId: string): Promise<ExperimentReport | null> {
  const [latest] = await listExperiments(db, storeId)
  if (!latest) return null
  const { experiment } = latest
  const totals = await variantResults(db, storeId, experiment.id)
  const results = experimentResults(
    totals,
    experiment.variants.map((variant) => variant.id),
    { ...defaultExperimentTestOptions, minimumSendsPerVariant: experiment.minimumSendsPerVariant },
  )
  return { experiment: latest, ...results }
}

/**
 * Promotes the running experiment's declared winner when the store let it (`autoPromote`): the
 * experiment stops and every email goes out as the winner. Returns the promoted variant, if any.
 */
export async function promoteDeclaredWinner(db: Db, storeId: string): Promise<string | null> {
  const current = await latestExperimentReport(db, storeId)
  if (!current || current.experiment.stoppedAt || !current.experiment.experiment.autoPromote || current.winner === null) return null
  await stopExperiment(db, storeId, current.winner)
  return current.winner
}
