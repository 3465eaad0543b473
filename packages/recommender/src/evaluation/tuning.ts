import { customerBaskets } from '../mining/customer-baskets.ts'
import { fitEase, maxEaseItems } from '../mining/ease.ts'
import { minePopularity, mineModel, type PairingModel } from '../mining/pairing-model.ts'
import type { PurchaseHistory } from '../mining/purchase-history.ts'
import { blendSignals } from '../ranking/blend.ts'
import { type BlendWeights, type Signal, signals } from '../ranking/blend-weights.ts'
import { keepSnapshot, scoreSignals, type SignalSnapshot } from '../ranking/signal-scores.ts'
import { caseQuery } from './case-rankers.ts'
import type { EvaluationCase } from './cutoff-split.ts'
import { hitRateAt } from './metrics.ts'

const off: BlendWeights = { ease: 0, easeHistory: 0, coPurchase: 0, coPurchaseHistory: 0, transitions: 0, popularity: 0, trend: 0 }

// Where the search starts: the plain item-to-item score of every purchase, trigger and history
// alike. Starting from a fixed prior (not from the last tuned weights) keeps each run independent.
const easePrior: BlendWeights = { ...off, ease: 1, easeHistory: 1 }
const sparsePrior: BlendWeights = { ...off, coPurchase: 1, coPurchaseHistory: 1 }

/** What {@link tuneModel} searches. */
export interface TuningOptions {
  /** EASE ridge values to fit and compare (default 250, 500, 1000). */
  lambdas?: readonly number[]
  /** Popularity half-lives in days, the first being the prior (default 14, 7, 30, ∞). */
  halfLivesDays?: readonly number[]
  /** Trend windows, recent and past days, the first being the prior (default 28/91, 14/91, 28/182). */
  trendDays?: readonly (readonly [number, number])[]
  /** Values tried for each free weight (the leading signal stays at 1). */
  weightGrid?: readonly number[]
  /**
   * A change must raise validation HR@10 by at least this much to be taken (default 0.005, about 6
   * of 1,200 validation customers): smaller gains are noise, and chasing them picked weights that
   * did worse on later orders.
   */
  minGain?: number
  /** Called with a line of progress now and then. */
  onProgress?: (message: string) => void
}

/** How popularity and trend are measured. */
export interface StoreWideSettings {
  readonly popularityHalfLifeDays: number
  readonly trendDays: readonly [number, number]
}

/** Settings chosen on validation cases, to be applied unchanged to the test split. */
export interface TunedSettings extends StoreWideSettings {
  /** `false` when the catalogue is too large for EASE. */
  readonly easeLambda: number | false
  /** Blend for the model with EASE (equal to `sparseWeights` without it). */
  readonly weights: BlendWeights
  /** Blend for the same data without EASE, as used for large catalogues. */
  readonly sparseWeights: BlendWeights
  /** Validation HR@10 of each choice. */
  readonly validationHitRate10: { readonly blend: number; readonly sparse: number }
}

/**
 * Chooses the EASE ridge, how popularity and trend are measured and the blend weights that maximise
 * HR@10 on `cases` (validation cases, never the test). Weights move by coordinate ascent over a grid
 * from a fixed prior: each free weight in turn takes a grid value that helps by at least `minGain`,
 * twice round. Popularity and trend windows are chosen with the model without EASE (cheap to
 * re-score) and kept for the EASE models. Deterministic: ties keep the earlier value.
 */
export function tuneModel(training: PurchaseHistory, cases: readonly EvaluationCase[], options: TuningOptions = {}): TunedSettings {
  const space: SearchSpace = {
    cases,
    training,
    grid: options.weightGrid ?? [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5],
    minGain: options.minGain ?? 0.005,
  }
  const progress = options.onProgress ?? (() => undefined)
  const [halfLife = 14, ...otherHalfLives] = options.halfLivesDays ?? [14, 7, 30, Number.POSITIVE_INFINITY]
  const [window = [28, 91] as const, ...otherWindows] = options.trendDays ?? [
    [28, 91],
    [14, 91],
    [28, 182],
  ]

  // Without EASE: weights, then the other half-lives and trend windows one at a time, then weights again.
  const base = mineModel(training, { easeLambda: false })
  let storeWide: StoreWideSettings = { popularityHalfLifeDays: halfLife, trendDays: window }
  let sparse = ascend(withStoreWide(base, training, storeWide), space, sparsePrior)
  const tryStoreWide = (trial: StoreWideSettings): void => {
    const found = score(withStoreWide(base, training, trial), space, sparse.weights)
    if (found.score >= sparse.score + space.minGain) [storeWide, sparse] = [trial, found]
  }
  for (const popularityHalfLifeDays of otherHalfLives) tryStoreWide({ ...storeWide, popularityHalfLifeDays })
  for (const trendDays of otherWindows) tryStoreWide({ ...storeWide, trendDays })
  sparse = ascend(sparse.model, space, sparse.weights, sparse.snapshots)
  progress(
    `without EASE: validation HR@10 ${sparse.score.toFixed(3)}, half-life ${storeWide.popularityHalfLifeDays} d, trend ${storeWide.trendDays.join('/')} d`,
  )
  const settings = { ...storeWide, sparseWeights: sparse.weights }
  if (training.baskets.itemCount > maxEaseItems) {
    return { ...settings, easeLambda: false, weights: sparse.weights, validationHitRate10: { blend: sparse.score, sparse: sparse.score } }
  }

  const purchaseSets = customerBaskets(training.baskets)
  let best: (Search & { lambda: number }) | undefined
  for (const lambda of options.lambdas ?? [250, 500, 1000]) {
    const found = ascend({ ...sparse.model, ease: fitEase(purchaseSets, lambda) }, space, easePrior)
    progress(`EASE λ=${lambda}: validation HR@10 ${found.score.toFixed(3)}`)
    if (!best || found.score > best.score) best = { ...found, lambda }
  }
  if (!best) throw new RangeError('tuning needs at least one EASE λ')
  return { ...settings, easeLambda: best.lambda, weights: best.weights, validationHitRate10: { blend: best.score, sparse: sparse.score } }
}

interface SearchSpace {
  cases: readonly EvaluationCase[]
  training: PurchaseHistory
  grid: readonly number[]
  minGain: number
}

interface Search {
  model: PairingModel
  snapshots: readonly SignalSnapshot[]
  weights: BlendWeights
  score: number
}

function withStoreWide(model: PairingModel, training: PurchaseHistory, settings: StoreWideSettings): PairingModel {
  return { ...model, ...minePopularity(training, settings) }
}

function score(model: PairingModel, space: SearchSpace, weights: BlendWeights): Search {
  const snapshots = space.cases.map((evaluationCase) => keepSnapshot(scoreSignals(model, caseQuery(evaluationCase), signals)))
  return { model, snapshots, weights, score: hitRate10(model, snapshots, space.cases, weights) }
}

/** Coordinate ascent from `start`, the leading signal held at 1 and signals the model lacks at 0. */
function ascend(model: PairingModel, space: SearchSpace, start: BlendWeights, snapshots?: readonly SignalSnapshot[]): Search {
  const lead: Signal = model.ease ? 'ease' : 'coPurchase'
  const free = signals.filter((signal) => signal !== lead && (model.ease || !signal.startsWith('ease')))
  let best = snapshots
    ? { model, snapshots, weights: start, score: hitRate10(model, snapshots, space.cases, start) }
    : score(model, space, { ...start, [lead]: 1 })
  for (let round = 0; round < 2; round++) {
    for (const signal of free) {
      for (const value of space.grid) {
        if (value === best.weights[signal]) continue
        const weights = { ...best.weights, [signal]: value }
        const trial = hitRate10(model, best.snapshots, space.cases, weights)
        if (trial >= best.score + space.minGain) best = { ...best, weights, score: trial }
      }
    }
  }
  return best
}

function hitRate10(
  model: PairingModel,
  snapshots: readonly SignalSnapshot[],
  cases: readonly EvaluationCase[],
  weights: BlendWeights,
): number {
  let hits = 0
  snapshots.forEach((snapshot, index) => {
    const ranked = blendSignals(model, snapshot, { weights, k: 10 }).map(({ item }) => item)
    hits += hitRateAt(ranked, cases[index]!.truth, 10)
  })
  return cases.length === 0 ? 0 : hits / cases.length
}
