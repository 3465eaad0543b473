export { type Baskets, BasketsBuilder } from './mining/baskets.ts'
export { type CountedPairs, countPairs, type PairCountOptions } from './mining/count-pairs.ts'
export { customerBaskets } from './mining/customer-baskets.ts'
export { invertPositiveDefinite } from './mining/dense-inverse.ts'
export { maxEaseItems } from './mining/ease.ts'
export { ItemIndex } from './mining/item-index.ts'
export { type PairCounts, type PairLimits, type PairScores, pairCount } from './mining/pair-counts.ts'
export { type MiningOptions, mineModel, type PairingModel } from './mining/pairing-model.ts'
export { type PopularityRanking, recentPopularity } from './mining/popularity.ts'
export type { PurchaseHistory } from './mining/purchase-history.ts'
export { nextBaskets } from './mining/purchase-sequence.ts'

export type { PriceBand, ProductCatalogue, ProductFacts, RecommendationRules } from './filters/business-rules.ts'
export type { ManualPairing } from './filters/manual-pairings.ts'
export { RuleFilter, type RuleContext } from './filters/rule-filter.ts'

export { type BlendWeights, type Signal, signals, sparseDefaultWeights } from './ranking/blend-weights.ts'
export type { RankedItem } from './ranking/blend.ts'
export { rankItems } from './ranking/rank-items.ts'
export { type Recommendation, type RecommendationRequest, recommend } from './ranking/recommend.ts'
export { type ItemQuery, maxHistoryItems } from './ranking/signal-scores.ts'

export {
  chooseJourneyPairing,
  chooseManualPairing,
  type JourneyPairing,
  type JourneyPairingRequest,
  type ManualPairingRequest,
  orderCategories,
  type SellerProduct,
} from './serving/journey-pairing-choice.ts'
export { type StoredPairing, type StoredPairingRequest } from './serving/stored-pairing-choice.ts'
export { type TopPairingOptions, topPairings } from './serving/top-pairings.ts'

export { coOccurrenceRanker, modelRanker, popularityRanker } from './evaluation/case-rankers.ts'
export { splitCsvRow } from './evaluation/csv-row.ts'
export {
  type EvaluationCase,
  type EvaluationSegment,
  type EvaluationSplit,
  splitAtCutoff,
  type SplitOptions,
} from './evaluation/cutoff-split.ts'
export { hitRateAt, recallAt } from './evaluation/metrics.ts'
export { type OrderHistory, OrderHistoryBuilder } from './evaluation/order-history.ts'
export { type LineRejection, type OrderLine, type OrderLineReader, orderLineReader } from './evaluation/order-line.ts'
export {
  type CaseRanker,
  measureRanker,
  type MetricsBySegment,
  type ReportedSegment,
  reportedSegments,
  type SegmentMetrics,
} from './evaluation/segment-metrics.ts'
export { type TunedSettings, type TuningOptions, tuneModel } from './evaluation/tuning.ts'
