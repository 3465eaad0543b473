import {
  type BlendWeights,
  type CaseRanker,
  coOccurrenceRanker,
  countPairs,
  type EvaluationSplit,
  type MetricsBySegment,
  mineModel,
  modelRanker,
  measureRanker,
  type OrderHistory,
  type PairingModel,
  popularityRanker,
  signals,
  splitAtCutoff,
  type TunedSettings,
  tuneModel,
} from '@crosswise/recommender'

const dayMs = 86_400_000
// Three months before the test cutoff: long enough for ~1,200 validation customers on Online Retail,
// recent enough that the chosen weights still fit the test period.
const validationDays = 92

/** Where `crosswise evaluate` starts its validation window when not told: 92 days before the cutoff. */
export function defaultValidationCutoff(cutoff: number): number {
  return cutoff - validationDays * dayMs
}

/** One ranker's metrics in an offline evaluation. */
export interface EvaluationRow {
  model: string
  metrics: MetricsBySegment
}

/** What `crosswise evaluate` computes: the settings tuned on validation, the test split, its model and every ranker's metrics. */
export interface OfflineEvaluation {
  validationCases: number
  tuned: TunedSettings
  test: EvaluationSplit
  /** The blend as scored on the test split (trained on every order before the cutoff). */
  model: PairingModel
  rows: EvaluationRow[]
}

/**
 * Scores the recommender on `history`: weights are chosen on an earlier window (train before
 * `validationCutoff`, truth before `cutoff`) whose truth ends where the test starts, so the test
 * customers' next orders never influence the model that is scored on them; then every ranker is
 * measured on the customers' first order after `cutoff`. Null when no customer ordered on both sides.
 */
export function evaluateOffline(
  history: OrderHistory,
  options: { cutoff: number; validationCutoff: number; onProgress?: (message: string) => void },
): OfflineEvaluation | null {
  const validation = splitAtCutoff(history, { cutoff: options.validationCutoff, until: options.cutoff })
  const tuned = tuneModel(validation.training, validation.cases, { onProgress: options.onProgress ?? (() => undefined) })
  const test = splitAtCutoff(history, { cutoff: options.cutoff })
  if (test.cases.length === 0) return null
  const model = mineModel(test.training, {
    easeLambda: tuned.easeLambda,
    popularityHalfLifeDays: tuned.popularityHalfLifeDays,
    trendDays: tuned.trendDays,
    weights: tuned.weights,
  })
  const only = (weights: Partial<BlendWeights>): BlendWeights =>
    ({ ...Object.fromEntries(signals.map((signal) => [signal, 0])), ...weights }) as BlendWeights
  const rankers: [string, CaseRanker][] = [
    ['popularity', popularityRanker(model.frequencies)],
    ['co-occurrence', coOccurrenceRanker(countPairs(test.training.baskets).coPurchases, model.frequencies)],
    ['shrunk cosine', modelRanker(model, only({ coPurchase: 1 }))],
    ['next-order transitions', modelRanker(model, only({ transitions: 1 }))],
    ['blend without EASE', modelRanker(model, tuned.sparseWeights)],
  ]
  if (model.ease) {
    rankers.push(['EASE (trigger order)', modelRanker(model, only({ ease: 1 }))])
    rankers.push(['EASE (trigger + history)', modelRanker(model, only({ ease: 1, easeHistory: 1 }))])
    rankers.push(['blend', modelRanker(model)])
  }
  const rows = rankers.map(([name, rank]) => ({ model: name, metrics: measureRanker(test.cases, rank) }))
  return { validationCases: validation.cases.length, tuned, test, model, rows }
}
