import type { PairingModel } from '../mining/pairing-model.ts'
import type { PopularityRanking } from '../mining/popularity.ts'
import type { PairScores } from '../mining/pair-counts.ts'
import { type Signal, signals } from './blend-weights.ts'
import { type QueryScratch, startQuery, touch } from './query-scratch.ts'

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
 * Every signal's score for every candidate item, with the factor that scales each signal so its best
 * candidate scores 1 (applied to the weights when blending, so no pass over the candidates scales).
 * Kept apart from blending so tuning can score once and try many weightings.
 * @internal
 */
export interface SignalSnapshot {
  readonly query: ItemQuery
  /** Items reached by a pair signal from the query, plus the store's best sellers and risers, minus excluded ones. */
  readonly candidates: Uint32Array
  /** `values[position * signals.length + signal]`: a candidate's raw signals side by side, in {@link signals} order. */
  readonly values: Float32Array
  /** Per signal, the factor that scales its best candidate to 1 (0 when no candidate scores). */
  readonly scales: Float64Array
  /** For each candidate, the largest same-order count with any query item, and that item. */
  readonly support: Uint32Array
  readonly supportFrom: Int32Array
}

/** Best sellers and risers added to every query's candidates: enough to fill a top 10 after owned items. */
const storeWideCandidates = 50

const signalIndex = (signal: Signal): number => signals.indexOf(signal)
const popularityIndex = signalIndex('popularity')
const trendIndex = signalIndex('trend')

/**
 * Earlier purchases beyond this many (most recent first) are ignored: they bound a query's cost for
 * customers with thousands of past items, and old purchases say least about the next order.
 */
export const maxHistoryItems = 100

/**
 * Pair entries one query may read. A repeat customer's 100 earlier items and a 20-line order would
 * read 60,000 entries in full; past this budget each row is read only up to its head (rows are stored
 * strongest first). On the Online Retail validation split the chosen blend ranks as well with 8,000
 * entries as with 15,000 (HR@10 0.536 vs 0.535), at about half the cost.
 */
export const queryBudget = 8_000

/**
 * Scores the `active` signals for `query`; the others stay 0. The snapshot lives in the model's query
 * scratch and is overwritten by the next query on that model: {@link keepSnapshot} copies it.
 * @internal
 */
export function scoreSignals(model: PairingModel, query: ItemQuery, active: readonly Signal[]): SignalSnapshot {
  const history = query.history.length > maxHistoryItems ? Array.prototype.slice.call(query.history, 0, maxHistoryItems) : query.history
  const sources: [Signal, PairScores | undefined, ArrayLike<number>][] = [
    ['ease', model.ease, query.trigger],
    ['easeHistory', model.ease, history],
    ['coPurchaseHistory', model.coPurchases, history],
    ['transitions', model.transitions, query.trigger],
  ]
  const used = sources.filter(([signal, pairs]) => pairs && active.includes(signal))
  const scratch = startQuery(model, [...used.map(([signal]) => signalIndex(signal)), signalIndex('coPurchase')])
  let entries = rowEntries(model.coPurchases, query.trigger)
  let rows = query.trigger.length
  for (const [, pairs, items] of used) {
    entries += rowEntries(pairs!, items)
    rows += items.length
  }
  const perRow = entries <= queryBudget ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(queryBudget / rows))
  for (const [signal, pairs, items] of used) addRows(scratch, pairs!, undefined, items, signalIndex(signal), perRow)
  // Always walked: besides its own signal it yields each candidate's support for filters and reasons.
  addRows(scratch, model.coPurchases, model.coPurchases.counts, query.trigger, signalIndex('coPurchase'), perRow)
  touchStoreWide(model, scratch, query.trigger)
  const count = gatherCandidates(model, scratch, query, active)
  return {
    query,
    candidates: scratch.candidates.subarray(0, count),
    values: scratch.values.subarray(0, count * signals.length),
    scales: scratch.best,
    support: scratch.candidateSupport.subarray(0, count),
    supportFrom: scratch.candidateSupportFrom.subarray(0, count),
  }
}

/** A copy of `snapshot` that later queries do not overwrite. @internal */
export function keepSnapshot(snapshot: SignalSnapshot): SignalSnapshot {
  return {
    query: snapshot.query,
    candidates: snapshot.candidates.slice(),
    values: snapshot.values.slice(),
    scales: snapshot.scales.slice(),
    support: snapshot.support.slice(),
    supportFrom: snapshot.supportFrom.slice(),
  }
}

/**
 * The best sellers and fastest risers of the trigger's categories (of the store, when it has no
 * categories) compete too, even when no pair reaches them.
 */
function touchStoreWide(model: PairingModel, scratch: QueryScratch, trigger: ArrayLike<number>): void {
  const categories = new Set<number>()
  for (let index = 0; index < trigger.length; index++) {
    const category = model.categories[trigger[index]!]!
    if (category >= 0) categories.add(category)
  }
  for (const ranking of [model.popularityRanking, model.trendRanking]) {
    const slices = categories.size === 0 ? [ranking.overall] : [...categories].map((category) => categorySlice(ranking, category))
    for (const slice of slices) {
      for (let position = 0; position < Math.min(storeWideCandidates, slice.length); position++) touch(scratch, slice[position]!)
    }
  }
}

/**
 * Copies the touched, non-excluded items into the scratch's snapshot buffers, each candidate's
 * signals side by side, and leaves in `best` the factor that scales each signal's best to 1. Returns the count.
 */
function gatherCandidates(model: PairingModel, scratch: QueryScratch, query: ItemQuery, active: readonly Signal[]): number {
  const { touched, live, liveSignals, support, supportFrom, candidates, values, candidateSupport, candidateSupportFrom, best } = scratch
  const stride = signals.length
  const popularity = active.includes('popularity') ? model.popularity : undefined
  const trend = active.includes('trend') ? model.trend : undefined
  const { isExcluded } = query
  const touchedCount = scratch.touchedCount
  best.fill(0)
  let count = 0
  for (let position = 0; position < touchedCount; position++) {
    const item = touched[position]!
    if (isExcluded(item)) continue
    candidates[count] = item
    candidateSupport[count] = support[item]!
    candidateSupportFrom[count] = supportFrom[item]!
    const to = count * stride
    for (let signal = 0; signal < stride; signal++) values[to + signal] = 0
    for (let index = 0; index < live.length; index++) {
      const signal = liveSignals[index]!
      const value = live[index]![item]!
      values[to + signal] = value
      if (value > best[signal]!) best[signal] = value
    }
    const recent = popularity ? popularity[item]! : 0
    values[to + popularityIndex] = recent
    if (recent > best[popularityIndex]!) best[popularityIndex] = recent
    const rising = trend ? trend[item]! : 0
    values[to + trendIndex] = rising
    if (rising > best[trendIndex]!) best[trendIndex] = rising
    count++
  }
  for (let signal = 0; signal < stride; signal++) best[signal] = best[signal]! > 0 ? 1 / best[signal]! : 0
  return count
}

function categorySlice(ranking: PopularityRanking, category: number): Uint32Array {
  return ranking.byCategory.subarray(ranking.categoryOffsets[category], ranking.categoryOffsets[category + 1])
}

/** Entries in the rows of `items`. */
function rowEntries(pairs: PairScores, items: ArrayLike<number>): number {
  let entries = 0
  for (let index = 0; index < items.length; index++) entries += pairs.offsets[items[index]! + 1]! - pairs.offsets[items[index]!]!
  return entries
}

/**
 * Adds the head (`perRow` entries) of each query item's row to `signal`; with `counts`, also keeps,
 * per partner, the largest count and the query item it came from. Arrays are read into locals once:
 * this loop runs ~15,000 times per query, and property loads inside it cost more than the work.
 */
function addRows(
  scratch: QueryScratch,
  pairs: PairScores,
  counts: Uint32Array | undefined,
  items: ArrayLike<number>,
  signal: number,
  perRow: number,
): void {
  const { support, supportFrom, stamp, touched, live } = scratch
  const scores = scratch.scores[signal]!
  const { offsets, partners } = pairs
  const values = pairs.scores
  const query = scratch.query
  let touchedCount = scratch.touchedCount
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    const end = Math.min(offsets[item + 1]!, offsets[item]! + perRow)
    for (let position = offsets[item]!; position < end; position++) {
      const partner = partners[position]!
      if (stamp[partner] !== query) {
        stamp[partner] = query
        touched[touchedCount++] = partner
        for (let cleared = 0; cleared < live.length; cleared++) live[cleared]![partner] = 0
        support[partner] = 0
        supportFrom[partner] = -1
      }
      scores[partner]! += values[position]!
      if (counts && counts[position]! > support[partner]!) {
        support[partner] = counts[position]!
        supportFrom[partner] = item
      }
    }
  }
  scratch.touchedCount = touchedCount
}
