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
  /** True for items that must never be recommended (the trigger, owned ones); asked of every candidate, so keep it cheap. */
  readonly isExcluded: (item: number) => boolean
  /**
   * False for items the store's rules forbid (unavailable, incompatible, out of band). Asked only of
   * items about to enter the top `k`, since answering may cost a catalogue lookup.
   */
  readonly isAllowed?: (item: number) => boolean
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
  /**
   * `scores[item * signals.length + signal]`: an item's signals share a cache line, so touching,
   * adding to and reading a candidate costs one memory access, not one per signal.
   */
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

/**
 * Pair entries one query may read. A wholesale order of 400 lines would read 400 full rows per
 * signal; past this budget each row is read only up to its head (rows are stored strongest first),
 * which keeps one recommendation well under a millisecond on this hardware.
 */
export const queryBudget = Number(process.env.BUDGET ?? 50_000)

/** Scores the `active` signals for `query`; the others stay 0. @internal */
export function scoreSignals(model: PairingModel, query: ItemQuery, active: readonly Signal[]): SignalSnapshot {
  const scratch = scratchFor(model)
  scratch.query = (scratch.query + 1) >>> 0
  // After 2³² queries the stamps wrap: start them afresh rather than mistake old marks for new.
  if (scratch.query === 0) {
    scratch.stamp.fill(0)
    scratch.query = 1
  }
  scratch.touchedCount = 0
  const history = query.history.length > maxHistoryItems ? Array.from(query.history).slice(0, maxHistoryItems) : query.history
  const sources: [Signal, PairScores | undefined, ArrayLike<number>][] = [
    ['ease', model.ease, query.trigger],
    ['easeHistory', model.ease, history],
    ['coPurchaseHistory', model.coPurchases, history],
    ['transitions', model.transitions, query.trigger],
  ]
  const used = sources.filter(([signal, pairs]) => pairs && active.includes(signal))
  let entries = rowEntries(model.coPurchases, query.trigger)
  for (const [, pairs, items] of used) entries += rowEntries(pairs!, items)
  const rows = query.trigger.length + used.reduce((sum, [, , items]) => sum + items.length, 0)
  const perRow = entries <= queryBudget ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(queryBudget / rows))
  for (const [signal, pairs, items] of used) addScores(scratch, pairs!, items, signalIndex(signal), perRow)
  // Always walked: besides its own signal it yields each candidate's support for filters and reasons.
  addCoPurchases(scratch, model.coPurchases, query.trigger, signalIndex('coPurchase'), perRow)
  // The best sellers and fastest risers of the trigger's categories (of the store, when it has no
  // categories) compete too, even when no pair reaches them.
  const categories = new Set<number>()
  for (let index = 0; index < query.trigger.length; index++) {
    if (model.categories[query.trigger[index]!]! >= 0) categories.add(model.categories[query.trigger[index]!]!)
  }
  for (const ranking of [model.popularityRanking, model.trendRanking]) {
    const slices = categories.size === 0 ? [ranking.overall] : [...categories].map((category) => categorySlice(ranking, category))
    for (const slice of slices) {
      for (let position = 0; position < Math.min(storeWideCandidates, slice.length); position++) touch(scratch, slice[position]!)
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
    if (!active.includes(signal)) return
    const storeWide = storeWideSources[signal]?.(model)
    const into = values.subarray(index * count, index * count + count)
    if (storeWide) normalise(storeWide, 0, 1, kept, into)
    else normalise(scores, index, signals.length, kept, into)
  })
  const keptSupport = new Uint32Array(count)
  const keptSupportFrom = new Int32Array(count)
  for (let position = 0; position < count; position++) {
    keptSupport[position] = support[kept[position]!]!
    keptSupportFrom[position] = supportFrom[kept[position]!]!
  }
  return { query, candidates: kept, values, support: keptSupport, supportFrom: keptSupportFrom }
}

/** Copies `source[item * stride + offset]` of the candidates into `into`, scaled so the largest is 1. */
function normalise(source: Float64Array, offset: number, stride: number, candidates: Uint32Array, into: Float32Array): void {
  let best = 0
  for (let position = 0; position < candidates.length; position++) {
    const value = source[candidates[position]! * stride + offset]!
    into[position] = value
    if (value > best) best = value
  }
  const scale = best > 0 ? 1 / best : 0
  for (let position = 0; position < candidates.length; position++) into[position]! *= scale
}

function categorySlice(ranking: PopularityRanking, category: number): Uint32Array {
  return ranking.byCategory.subarray(ranking.categoryOffsets[category], ranking.categoryOffsets[category + 1])
}

function touch(scratch: Scratch, item: number): void {
  if (scratch.stamp[item] === scratch.query) return
  scratch.stamp[item] = scratch.query
  scratch.touched[scratch.touchedCount++] = item
  for (let slot = item * signals.length; slot < (item + 1) * signals.length; slot++) scratch.scores[slot] = 0
  scratch.support[item] = 0
  scratch.supportFrom[item] = -1
}

/** Entries in the rows of `items`. */
function rowEntries(pairs: PairScores, items: ArrayLike<number>): number {
  let entries = 0
  for (let index = 0; index < items.length; index++) entries += pairs.offsets[items[index]! + 1]! - pairs.offsets[items[index]!]!
  return entries
}

function addScores(scratch: Scratch, pairs: PairScores, items: ArrayLike<number>, signal: number, perRow: number): void {
  const { scores } = scratch
  const stride = signals.length
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    const end = Math.min(pairs.offsets[item + 1]!, pairs.offsets[item]! + perRow)
    for (let position = pairs.offsets[item]!; position < end; position++) {
      const partner = pairs.partners[position]!
      touch(scratch, partner)
      scores[partner * stride + signal]! += pairs.scores[position]!
    }
  }
}

/** Adds same-order scores and remembers, per partner, the trigger item it was most often bought with. */
function addCoPurchases(scratch: Scratch, pairs: PairCounts, items: ArrayLike<number>, signal: number, perRow: number): void {
  const { scores, support, supportFrom } = scratch
  const stride = signals.length
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    const end = Math.min(pairs.offsets[item + 1]!, pairs.offsets[item]! + perRow)
    for (let position = pairs.offsets[item]!; position < end; position++) {
      const partner = pairs.partners[position]!
      touch(scratch, partner)
      scores[partner * stride + signal]! += pairs.scores[position]!
      if (pairs.counts[position]! > support[partner]!) {
        support[partner] = pairs.counts[position]!
        supportFrom[partner] = item
      }
    }
  }
}
