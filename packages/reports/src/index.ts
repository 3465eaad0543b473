export { runPairingReview, type PairingReviewRun } from './pairing-review-run.ts'
export {
  latestExperimentReport,
  loadStoreReport,
  promoteDeclaredWinner,
  type ExperimentReport,
  type FullStoreReport,
  type StoreReportQuery,
} from './store-report.ts'
export {
  experimentView,
  experimentViewSchema,
  type ExperimentView,
  pairingReviewView,
  pairingReviewViewSchema,
  storeReportView,
  storeReportViewSchema,
  type PairingReviewView,
  type StoreReportView,
} from './report-view.ts'
