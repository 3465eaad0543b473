import type { PairingModel } from '../mining/pairing-model.ts'
import type { PopularityRanking } from '../mining/popularity.ts'
import type { PairCounts, PairScores } from '../mining/pair-counts.ts'
import { type Signal, signals } from './blend-weights.ts'

/** What a ranking starts from, in item numbers. */
export interface ItemQuery {
  /** Items of the order that triggered the journey. */
  readonly trigger: ArrayLike<number>
  /** Items the customer bought in earlier orders (not in the trigger), most recent first. */
  readonly history: ArrayLike<number>
  /** True for items that must not be recommended (owned, unavailable, filtered by rules). */
  readonly isExcluded: (item: number) => boolean
}

/**
 * Every signal's score for every candidate item, each signal scaled so its best candidate scores 1.
 * Kept apart from blending so tuning can score once and try many weightings.
 * @internal
 */
export interface SignalSnapshot {
  readonly query: ItemQuery
  /** Items reached by a pair signal from the query, plus the store's best sellers and risers, minus excluded ones. */
  readonly candidates: Uint32Array
  /** `values[signal * candidates.length + position]`, signals in {@link signals} order. */
  readonly values: Float32Array
  /** For each candidate, the largest same-order count with any query item, and that item. */
  readonly support: Uint32Array
  readonly supportFrom: Int32Array
}

interface Scratch {
  /** `scores[signal * n + item]`, signals in {@link signals} order. */
  readonly scores: Float64Array
  readonly support: Uint32Array
  readonly supportFrom: Int32Array
  readonly touched: Uint32Array
  /** `stamp[item] === query` marks items touched by the current query, so nothing needs clearing. */
  readonly stamp: Uint32Array
  query: number
  touchedCount: number
}

// One scratch per model: ranking allocates nothing of catalogue size per call, so a 100 k-item
// model answers in microseconds. Ranking is synchronous, so calls never share a scratch concurrently.
const scratches = new WeakMap<PairingModel, Scratch>()

function scratchFor(model: PairingModel): Scratch {
  let scratch = scratches.get(model)
  if (!scratch) {
    const n = model.products.size
    scratch = {
      scores: new Float64Array(signals.length * n),
      support: new Uint32Array(n),
      supportFrom: new Int32Array(n),
      touched: new Uint32Array(n),
      stamp: new Uint32Array(n),
      query: 0,
      touchedCount: 0,
    }
    scratches.set(model, scratch)
  }
  return scratch
}

/** Best sellers and risers added to every query's candidates: enough to fill a top 10 after owned items. */
const storeWideCandidates = 50

const signalIndex = (signal: Signal): number => signals.indexOf(signal)
const storeWideSources: Partial<Record<Signal, (model: PairingModel) => Float64Array>> = {
  popularity: (model) => model.popularity,
  trend: (model) => model.trend,
}

/**
 * Earlier purchases beyond this many (most recent first) are ignored: they bound a query's cost for
 * customers with thousands of past items, and old purchases say least about the next order.
 */
export const maxHistoryItems = 100

/** Scores the `active` signals for `query`; the others stay 0. @internal */
export function scoreSignals(model: PairingModel, query: ItemQuery, active: readonly Signal[]): SignalSnapshot {
  const scratch = scratchFor(model)
  const n = model.products.size
  scratch.query++
  scratch.touchedCount = 0
  const history = query.history.length > maxHistoryItems ? Array.from(query.history).slice(0, maxHistoryItems) : query.history
  const sources: [Signal, PairScores | undefined, ArrayLike<number>][] = [
    ['ease', model.ease, query.trigger],
    ['easeHistory', model.ease, history],
    ['coPurchaseHistory', model.coPurchases, history],
    ['transitions', model.transitions, query.trigger],
  ]
  for (const [signal, pairs, items] of sources) {
    if (pairs && active.includes(signal)) addScores(scratch, n, pairs, items, signalIndex(signal))
  }
  // Always walked: besides its own signal it yields each candidate's support for filters and reasons.
  addCoPurchases(scratch, n, model.coPurchases, query.trigger, signalIndex('coPurchase'))
  // The best sellers and fastest risers of the trigger's categories (of the store, when it has no
  // categories) compete too, even when no pair reaches them.
  const categories = new Set<number>()
  for (let index = 0; index < query.trigger.length; index++) {
    if (model.categories[query.trigger[index]!]! >= 0) categories.add(model.categories[query.trigger[index]!]!)
  }
  for (const ranking of [model.popularityRanking, model.trendRanking]) {
    const slices = categories.size === 0 ? [ranking.overall] : [...categories].map((category) => categorySlice(ranking, category))
    for (const slice of slices) {
      for (let position = 0; position < Math.min(storeWideCandidates, slice.length); position++) touch(scratch, n, slice[position]!)
    }
  }

  const { touched, scores, support, supportFrom } = scratch
  const candidates = new Uint32Array(scratch.touchedCount)
  let count = 0
  for (let position = 0; position < scratch.touchedCount; position++) {
    const item = touched[position]!
    if (!query.isExcluded(item)) candidates[count++] = item
  }
  const kept = candidates.subarray(0, count)
  const values = new Float32Array(signals.length * count)
  signals.forEach((signal, index) => {
    const source = storeWideSources[signal]?.(model) ?? scores.subarray(index * n, index * n + n)
    normalise(source, kept, values.subarray(index * count, index * count + count))
  })
  const keptSupport = new Uint32Array(count)
  const keptSupportFrom = new Int32Array(count)
  for (let position = 0; position < count; position++) {
    keptSupport[position] = support[kept[position]!]!
    keptSupportFrom[position] = supportFrom[kept[position]!]!
  }
  return { query, candidates: kept, values, support: keptSupport, supportFrom: keptSupportFrom }
}

/** Copies `source` at the candidates into `into`, scaled so the largest is 1. */
function normalise(source: Float64Array, candidates: Uint32Array, into: Float32Array): void {
  let best = 0
  for (let position = 0; position < candidates.length; position++) {
    const value = source[candidates[position]!]!
    if (value > best) best = value
  }
  const scale = best > 0 ? 1 / best : 0
  for (let position = 0; position < candidates.length; position++) into[position] = source[candidates[position]!]! * scale
}

function categorySlice(ranking: PopularityRanking, category: number): Uint32Array {
  return ranking.byCategory.subarray(ranking.categoryOffsets[category], ranking.categoryOffsets[category + 1])
}

function touch(scratch: Scratch, n: number, item: number): void {
  if (scratch.stamp[item] === scratch.query) return
  scratch.stamp[item] = scratch.query
  scratch.touched[scratch.touchedCount++] = item
  for (let offset = item; offset < scratch.scores.length; offset += n) scratch.scores[offset] = 0
  scratch.support[item] = 0
  scratch.supportFrom[item] = -1
}

function addScores(scratch: Scratch, n: number, pairs: PairScores, items: ArrayLike<number>, signal: number): void {
  const { scores } = scratch
  const base = signal * n
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    for (let position = pairs.offsets[item]!; position < pairs.offsets[item + 1]!; position++) {
      const partner = pairs.partners[position]!
      touch(scratch, n, partner)
      scores[base + partner]! += pairs.scores[position]!
    }
  }
}

/** Adds same-order scores and remembers, per partner, the trigger item it was most often bought with. */
function addCoPurchases(scratch: Scratch, n: number, pairs: PairCounts, items: ArrayLike<number>, signal: number): void {
  const { scores, support, supportFrom } = scratch
  const base = signal * n
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    for (let position = pairs.offsets[item]!; position < pairs.offsets[item + 1]!; position++) {
      const partner = pairs.partners[position]!
      touch(scratch, n, partner)
      scores[base + partner]! += pairs.scores[position]!
      if (pairs.counts[position]! > support[partner]!) {
        support[partner] = pairs.counts[position]!
        supportFrom[partner] = item
      }
    }
  }
}
