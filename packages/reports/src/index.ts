export { runPairingReview, type PairingReviewRun } from './pairing-review-run.ts'
export { loadStoreReport, type FullStoreReport, type StoreReportQuery } from './store-report.ts'
export {
  pairingReviewView,
  pairingReviewViewSchema,
  storeReportView,
  storeReportViewSchema,
  type PairingReviewView,
  type StoreReportView,
} from './report-view.ts'
