export { storeReport, type PairingReport, type PairingTotals, type StoreReport, type StoreReportInput } from './store-report.ts'
export {
  defaultPairingReviewOptions,
  reviewPairings,
  type PairingReviewEntry,
  type PairingReviewOptions,
  type PairingVerdict,
  type ReviewedPairing,
} from './pairing-review.ts'
export { holdoutLift, type HoldoutLift, type HoldoutOutcome, type LiftMeasure } from './holdout-lift.ts'
export { attributeOrders, type AttributableOrder, type AttributableSend, type Attribution } from './attribution.ts'
export { cupedInterval, type CupedInterval, type Observation } from './cuped.ts'
export { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './distributions.ts'
export { proportionDifferenceInterval, wilsonInterval, type Proportion } from './proportion-interval.ts'
export { sequentialTest, type SequentialTestOptions, type SequentialVerdict } from './sequential-test.ts'
export { summarize, type DifferenceInterval, type SampleSummary } from './summary.ts'
export { welchInterval } from './welch-interval.ts'
export {
  defaultExperimentTestOptions,
  experimentResults,
  type ExperimentResults,
  type ExperimentTestOptions,
  type VariantResult,
} from './experiment-results.ts'
export {
  attributedRevenue,
  type AttributedRevenue,
  type AttributedTotals,
  type GroupedSend,
  type OrderWithTotal,
} from './attributed-revenue.ts'
