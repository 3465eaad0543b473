import type { PairingModel } from '../mining/pairing-model.ts'
import { type BlendWeights, signals, storeWideSignals } from './blend-weights.ts'
import type { SignalSnapshot } from './signal-scores.ts'

/** One ranked item, before it is turned into a recommendation with a product id and a reason. */
export interface RankedItem {
  readonly item: number
  /** Blended score (mined) or popularity (fallback); only the order matters. */
  readonly score: number
  readonly source: 'mined' | 'popular'
  /** Largest same-order count with a query item, and that query item (-1 if none). */
  readonly support: number
  readonly supportFrom: number
}

/** How {@link blendSignals} ranks. */
export interface BlendOptions {
  weights: BlendWeights
  /** How many items to return. */
  k: number
  /** Candidates bought with a trigger item in fewer orders are not mined pairings (default 0). */
  minSupport?: number
  /** Candidates whose lift with that trigger item is lower are not mined pairings (default 0). */
  minLift?: number
}

const isStoreWide = signals.map((signal) => storeWideSignals.includes(signal))

/**
 * Ranks the snapshot's candidates by blended score. A candidate with positive pair evidence (its
 * blend without the store-wide signals) and enough support and lift is a mined pairing; one without
 * competes on popularity and trend alone, as a popular pick. When fewer than `k` qualify, the most
 * popular items of the trigger's categories, then of the store, fill the list. Equal scores go to
 * the lower item number, so the order is deterministic.
 */
export function blendSignals(model: PairingModel, snapshot: SignalSnapshot, options: BlendOptions): RankedItem[] {
  const { candidates, values, scales, support, supportFrom } = snapshot
  const { weights, k } = options
  const { isAllowed } = snapshot.query
  const minSupport = options.minSupport ?? 0
  const minLift = options.minLift ?? 0
  const { rowTotals, eventCount } = model.coPurchases
  const count = candidates.length
  const stride = signals.length
  // The weights of the signals in use, pair evidence apart from store-wide ones, each times its
  // signal's scale, as flat arrays: the loop below runs once per candidate, thousands of times per query.
  const used = (storeWide: boolean) =>
    signals.flatMap((signal, index) => (weights[signal] !== 0 && isStoreWide[index] === storeWide ? [index] : []))
  const pairIndexes = used(false)
  const pairWeights = pairIndexes.map((index) => weights[signals[index]!] * scales[index]!)
  const storeIndexes = used(true)
  const storeWeights = storeIndexes.map((index) => weights[signals[index]!] * scales[index]!)
  const best: { position: number; score: number; mined: boolean }[] = []
  for (let position = 0; position < count; position++) {
    const base = position * stride
    let evidence = 0
    for (let index = 0; index < pairIndexes.length; index++) evidence += pairWeights[index]! * values[base + pairIndexes[index]!]!
    let storeWide = 0
    for (let index = 0; index < storeIndexes.length; index++) storeWide += storeWeights[index]! * values[base + storeIndexes[index]!]!
    const mined = evidence > 0 && support[position]! >= minSupport && liftOf(position) >= minLift
    const score = mined ? evidence + storeWide : storeWide
    if (!(score > 0)) continue
    if (best.length === k && !outranks(score, candidates[position]!, best[k - 1]!, candidates)) continue
    if (isAllowed && !isAllowed(candidates[position]!)) continue
    let slot = best.length === k ? k - 1 : best.length
    while (slot > 0 && outranks(score, candidates[position]!, best[slot - 1]!, candidates)) {
      best[slot] = best[slot - 1]!
      slot--
    }
    best[slot] = { position, score, mined }
  }
  const ranked: RankedItem[] = best.map(({ position, score, mined }) => ({
    item: candidates[position]!,
    score,
    source: mined ? 'mined' : 'popular',
    support: support[position]!,
    supportFrom: supportFrom[position]!,
  }))
  return ranked.length < k ? [...ranked, ...popularFallback(model, snapshot, ranked, k - ranked.length)] : ranked

  function liftOf(position: number): number {
    if (minLift <= 0) return Number.POSITIVE_INFINITY
    const from = supportFrom[position]!
    return from < 0 ? 0 : (support[position]! * eventCount) / (rowTotals[from]! * rowTotals[candidates[position]!]!)
  }
}

function outranks(score: number, item: number, other: { position: number; score: number }, candidates: Uint32Array): boolean {
  return score > other.score || (score === other.score && item < candidates[other.position]!)
}

/** The most popular eligible items of the trigger's categories, then of the store. */
function popularFallback(model: PairingModel, snapshot: SignalSnapshot, taken: readonly RankedItem[], wanted: number): RankedItem[] {
  const { query } = snapshot
  const { categories, popularity, popularityRanking: ranking } = model
  const chosen = new Set(taken.map(({ item }) => item))
  const fill: RankedItem[] = []
  const offer = (item: number): void => {
    if (fill.length >= wanted || chosen.has(item) || query.isExcluded(item) || query.isAllowed?.(item) === false) return
    chosen.add(item)
    fill.push({ item, score: popularity[item]!, source: 'popular', support: 0, supportFrom: -1 })
  }
  const triggerCategories = new Set<number>()
  for (let index = 0; index < query.trigger.length; index++) {
    const category = categories[query.trigger[index]!]!
    if (category >= 0) triggerCategories.add(category)
  }
  const inCategories: number[] = []
  for (const category of triggerCategories) {
    const from = ranking.categoryOffsets[category]!
    const to = ranking.categoryOffsets[category + 1]!
    let offered = 0
    for (let position = from; position < to && offered < wanted + taken.length; position++) {
      const item = ranking.byCategory[position]!
      if (!query.isExcluded(item) && query.isAllowed?.(item) !== false) {
        inCategories.push(item)
        offered++
      }
    }
  }
  inCategories.sort((a, b) => popularity[b]! - popularity[a]! || a - b).forEach(offer)
  for (let position = 0; position < ranking.overall.length && fill.length < wanted; position++) offer(ranking.overall[position]!)
  return fill
}
