import type { PairingModel } from '../mining/pairing-model.ts'
import { signals } from './blend-weights.ts'

/**
 * Per-model buffers a query works in, sized to the catalogue once, so ranking allocates nothing of
 * catalogue size per call and a 100 k-item model answers in microseconds. Ranking is synchronous, so
 * calls never share a scratch concurrently.
 * @internal
 */
export interface QueryScratch {
  /**
   * `scores[signal][item]`: one array per signal, so the pass adding one signal's rows works in an
   * array of 8 bytes per item (24 KB for 3,000 items, within the core's first-level cache) rather
   * than in all signals at once.
   */
  readonly scores: readonly Float64Array[]
  /**
   * The signals the current query adds rows to, and their arrays. Only these are cleared on a first
   * touch and read back: the others may hold an earlier query's numbers.
   */
  liveSignals: readonly number[]
  live: readonly Float64Array[]
  readonly support: Uint32Array
  readonly supportFrom: Int32Array
  readonly touched: Uint32Array
  /** `stamp[item] === query` marks items touched by the current query, so nothing needs clearing. */
  readonly stamp: Uint32Array
  query: number
  touchedCount: number
  /** Where the latest snapshot lives: candidates, their scaled signals, support and its source. */
  readonly candidates: Uint32Array
  readonly values: Float32Array
  readonly candidateSupport: Uint32Array
  readonly candidateSupportFrom: Int32Array
  /** Per signal, 1 / its largest value among the candidates (0 when none scores). */
  readonly best: Float64Array
}

const scratches = new WeakMap<PairingModel, QueryScratch>()

/** The model's scratch, with a fresh query stamp, no touched items and `liveSignals` in use. @internal */
export function startQuery(model: PairingModel, liveSignals: readonly number[]): QueryScratch {
  let scratch = scratches.get(model)
  if (!scratch) {
    const n = model.products.size
    scratch = {
      scores: signals.map(() => new Float64Array(n)),
      support: new Uint32Array(n),
      supportFrom: new Int32Array(n),
      touched: new Uint32Array(n),
      stamp: new Uint32Array(n),
      liveSignals: [],
      live: [],
      query: 0,
      touchedCount: 0,
      candidates: new Uint32Array(n),
      values: new Float32Array(signals.length * n),
      candidateSupport: new Uint32Array(n),
      candidateSupportFrom: new Int32Array(n),
      best: new Float64Array(signals.length),
    }
    scratches.set(model, scratch)
  }
  scratch.query = (scratch.query + 1) >>> 0
  // After 2³² queries the stamps wrap: start them afresh rather than mistake old marks for new.
  if (scratch.query === 0) {
    scratch.stamp.fill(0)
    scratch.query = 1
  }
  scratch.touchedCount = 0
  scratch.liveSignals = liveSignals
  scratch.live = liveSignals.map((signal) => scratch.scores[signal]!)
  return scratch
}

/** Makes `item` a candidate of the current query, its live signals at 0, if it is not one yet. @internal */
export function touch(scratch: QueryScratch, item: number): void {
  if (scratch.stamp[item] === scratch.query) return
  scratch.stamp[item] = scratch.query
  scratch.touched[scratch.touchedCount++] = item
  for (const scores of scratch.live) scores[item] = 0
  scratch.support[item] = 0
  scratch.supportFrom[item] = -1
}
