import { type BlendWeights, defaultWeights, sparseDefaultWeights } from '../ranking/blend-weights.ts'
import { countPairs } from './count-pairs.ts'
import { customerBaskets } from './customer-baskets.ts'
import { fitEase, maxEaseItems } from './ease.ts'
import type { ItemIndex } from './item-index.ts'
import type { PairCounts, PairScores } from './pair-counts.ts'
import { itemFrequencies, type PopularityRanking, rankByPopularity, recentPopularity, salesGrowth } from './popularity.ts'
import { nextBaskets } from './purchase-sequence.ts'
import type { PurchaseHistory } from './purchase-history.ts'

/** Everything the recommender knows, mined from one store's order history. Immutable once built. */
export interface PairingModel {
  readonly products: ItemIndex
  readonly titles: readonly string[]
  /** Category number per item, -1 for none; names in `categoryNames`. */
  readonly categories: Int32Array
  readonly categoryNames: readonly string[]
  /** Latest unit price per item, in major units. */
  readonly prices: Float64Array
  /** Orders holding each item. */
  readonly frequencies: Uint32Array
  /** Recency-weighted order counts, the blend's popularity signal. */
  readonly popularity: Float64Array
  readonly popularityRanking: PopularityRanking
  /** Growth of each item's daily orders lately, the blend's trend signal. */
  readonly trend: Float64Array
  /** Items with a positive trend, fastest growing first, overall and per category. */
  readonly trendRanking: PopularityRanking
  /** Bought in the same order. */
  readonly coPurchases: PairCounts
  /** Bought in the next order of the same customer. */
  readonly transitions: PairCounts
  /** EASE weights; absent for catalogues above {@link maxEaseItems} items or when switched off. */
  readonly ease: PairScores | undefined
  readonly weights: BlendWeights
}

/** Knobs of {@link mineModel}; the defaults are the ones the offline evaluation settled on. */
export interface MiningOptions {
  /** Orders with more distinct items are left out of pair counts (default 50). */
  maxBasketSize?: number
  /**
   * Partners kept per item and signal, the most frequent (default 500). Stored pairs dominate a
   * model's memory: for a 100 k-product catalogue, 200 partners seen at least twice (`minPairCount`
   * 2) keep 10 M orders' mining under 1 GB.
   */
  maxPartners?: number
  /** Pairs seen fewer times are not stored (default 1). */
  minPairCount?: number
  /** Half-life of the popularity signal in days (default 14; `Infinity` for plain counts). */
  popularityHalfLifeDays?: number
  /** Trend windows: recent days compared with the days before them (default 28 and 91). */
  trendDays?: readonly [recent: number, past: number]
  /** "Now" for popularity decay and trend, epoch ms (default: the latest order). */
  asOf?: number
  /** EASE ridge λ (default 250, as the offline evaluation chose); `false` skips EASE, as does a catalogue above {@link maxEaseItems}. */
  easeLambda?: number | false
  /** Blend weights (default {@link defaultWeights}, or {@link sparseDefaultWeights} without EASE). */
  weights?: BlendWeights
}

/**
 * Mines a {@link PairingModel} from `history`: popularity overall and per category, trend, same-order
 * co-purchases, next-order transitions and, for small catalogues, EASE on customers' purchase sets.
 * Deterministic: the same history gives the same model.
 */
export function mineModel(history: PurchaseHistory, options: MiningOptions = {}): PairingModel {
  const { baskets } = history
  const maxBasketSize = options.maxBasketSize ?? 50
  const limits = { maxPartners: options.maxPartners ?? 500, minSupport: options.minPairCount ?? 1 }
  const { coPurchases, transitions } = countPairs(baskets, { ...limits, next: nextBaskets(baskets), maxBasketSize })
  const lambda = options.easeLambda ?? 250
  const ease = lambda !== false && baskets.itemCount <= maxEaseItems ? fitEase(customerBaskets(baskets), lambda) : undefined
  return {
    ...describeProducts(history),
    ...minePopularity(history, options),
    coPurchases,
    transitions: transitions!,
    ease,
    weights: options.weights ?? (ease ? defaultWeights : sparseDefaultWeights),
  }
}

/** The popularity and trend part of a model, exposed so tuning can try other windows cheaply. @internal */
export function minePopularity(
  history: PurchaseHistory,
  options: Pick<MiningOptions, 'popularityHalfLifeDays' | 'trendDays' | 'asOf'>,
): Pick<PairingModel, 'frequencies' | 'popularity' | 'popularityRanking' | 'trend' | 'trendRanking'> {
  const { baskets } = history
  const asOf = options.asOf ?? latestTime(baskets.times)
  const popularity = recentPopularity(baskets, asOf, options.popularityHalfLifeDays ?? 14)
  const [recentDays, pastDays] = options.trendDays ?? [28, 91]
  const trend = salesGrowth(baskets, asOf, recentDays, pastDays)
  const { categories, categoryNames } = describeProducts(history)
  return {
    frequencies: itemFrequencies(baskets),
    popularity,
    popularityRanking: rankByPopularity(popularity, categories, categoryNames.length),
    trend,
    trendRanking: rankByPopularity(trend, categories, categoryNames.length, { positiveOnly: true }),
  }
}

function latestTime(times: Float64Array): number {
  let latest = 0
  for (let basket = 0; basket < times.length; basket++) if (times[basket]! > latest) latest = times[basket]!
  return latest
}

function describeProducts(history: PurchaseHistory): Pick<PairingModel, 'products' | 'titles' | 'categories' | 'categoryNames' | 'prices'> {
  const itemCount = history.baskets.itemCount
  const categoryNames = [...new Set(history.categories.filter((name): name is string => name !== undefined))].sort()
  const numbers = new Map(categoryNames.map((name, number) => [name, number]))
  const categories = Int32Array.from({ length: itemCount }, (_, item) => numbers.get(history.categories[item] ?? '') ?? -1)
  return { products: history.products, titles: history.titles, categories, categoryNames, prices: history.prices }
}
