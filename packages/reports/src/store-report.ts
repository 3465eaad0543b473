import {
  attributionInputs,
  countJourneyOutcomes,
  getStore,
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
  attributedRevenue,
  defaultExperimentTestOptions,
  experimentResults,
  storeReport,
  type AttributedRevenue,
  type ExperimentResults,
  type StoreReport,
} from '@crosswise/measurement'

export interface StoreReportQuery {
  /** Orders and emails from this time on. */
  since: Date
  /** Milliseconds after the point of sending in which a purchase counts for the lift. */
  windowMs: number
  /** Lift windows closed by this time count. */
  asOf: Date
}

/** The store's current (or last) experiment and its results per variant. */
export interface ExperimentReport extends ExperimentResults {
  experiment: StoredExperiment
}

/** A store's report: the funnel, how journeys ended, the measured lift and pairings, the credited revenue, the experiment and the latest pairing review. */
export type FullStoreReport = StoreReport & {
  funnel: JourneyFunnel
  /** Journey runs closed since the start of the report, by how they ended (`journey_outcomes`). */
  journeyOutcomes: Record<string, number>
  attribution: AttributedRevenue
  experiment: ExperimentReport | null
  review: StoredPairingReview | null
}

/** The report of one store, with its latest pairing review: what `crosswise report` and the admin API show. */
export async function loadStoreReport(db: Db, storeId: string, query: StoreReportQuery): Promise<FullStoreReport> {
  const [funnel, journeyOutcomes, outcomes, pairings, review, experiment, attribution] = await Promise.all([
    journeyFunnel(db, storeId, query.since),
    countJourneyOutcomes(db, storeId, query.since),
    holdoutOutcomes(db, storeId, { windowMs: query.windowMs, asOf: query.asOf, since: query.since }),
    pairingResults(db, storeId, query.since),
    latestPairingReview(db, storeId),
    latestExperimentReport(db, storeId),
    storeAttribution(db, storeId, query.since),
  ])
  const report = storeReport({
    liftWindowMs: query.windowMs,
    pairings,
    outcomes: outcomes.map((row) => ({
      heldOut: row.heldOut,
      ordersInWindow: row.ordersInWindow,
      revenueInWindow: Number(row.revenueInWindow),
      nextOrderValue: row.nextOrderValue === null ? null : Number(row.nextOrderValue),
      spendBefore: Number(row.spendBefore),
    })),
  })
  return { funnel, journeyOutcomes, ...report, attribution, experiment, review: review ?? null }
}

/** Orders credited to the store's emails within its attribution window after an open or click. */
async function storeAttribution(db: Db, storeId: string, since: Date): Promise<AttributedRevenue> {
  const [store, { sends, orders }] = await Promise.all([getStore(db, storeId), attributionInputs(db, storeId, since)])
  return attributedRevenue(sends, orders, store?.policy.attributionWindowDays ?? 5)
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
