import { type Baskets, basketCount } from './baskets.ts'

const dayMs = 86_400_000

/** How many baskets hold each item. */
export function itemFrequencies(baskets: Baskets): Uint32Array {
  const { items } = baskets
  const frequencies = new Uint32Array(baskets.itemCount)
  // An indexed loop: iterating a 40 M-entry typed array with for…of is several times slower.
  for (let position = 0; position < items.length; position++) frequencies[items[position]!]!++
  return frequencies
}

/**
 * Popularity that forgets: each basket bought before `asOf` (epoch ms) counts
 * `0.5 ** (age / halfLifeDays)`, so a gift shop's autumn favourites outrank last spring's.
 * An infinite half-life gives plain basket counts.
 */
export function recentPopularity(baskets: Baskets, asOf: number, halfLifeDays: number): Float64Array {
  const { offsets, items, times } = baskets
  const popularity = new Float64Array(baskets.itemCount)
  const count = basketCount(baskets)
  const decayPerMs = Number.isFinite(halfLifeDays) ? Math.LN2 / (halfLifeDays * dayMs) : 0
  // Neighbouring orders often share an instant (a day-stamped export, one customer's lines): the
  // weight is computed again only when the time changes.
  let time = Number.NaN
  let weight = 1
  for (let basket = 0; basket < count; basket++) {
    if (times[basket] !== time) {
      time = times[basket]!
      weight = decayPerMs === 0 ? 1 : Math.exp(-decayPerMs * Math.max(0, asOf - time))
    }
    const end = offsets[basket + 1]!
    for (let position = offsets[basket]!; position < end; position++) popularity[items[position]!]! += weight
  }
  return popularity
}

/**
 * How much faster each item sells lately: its orders per day over the `recentDays` before `asOf`
 * minus its orders per day over the `pastDays` before those, never below 0. Seasonal shops live on
 * this: hot-water bottles and Christmas crackers start climbing weeks before they top the charts.
 */
export function salesGrowth(baskets: Baskets, asOf: number, recentDays: number, pastDays: number): Float64Array {
  const { offsets, items, times } = baskets
  const growth = new Float64Array(baskets.itemCount)
  const recentFrom = asOf - recentDays * dayMs
  const pastFrom = recentFrom - pastDays * dayMs
  const count = basketCount(baskets)
  for (let basket = 0; basket < count; basket++) {
    const time = times[basket]!
    if (time < pastFrom || time >= asOf) continue
    const weight = time >= recentFrom ? 1 / recentDays : -1 / pastDays
    for (let position = offsets[basket]!; position < offsets[basket + 1]!; position++) growth[items[position]!]! += weight
  }
  for (let item = 0; item < growth.length; item++) if (growth[item]! < 0) growth[item] = 0
  return growth
}

/**
 * Items ranked by popularity, overall and within each category, as compressed sparse rows:
 * category `c` ranks `byCategory[categoryOffsets[c] .. categoryOffsets[c + 1])`. Ties go to the lower
 * item number.
 */
export interface PopularityRanking {
  readonly overall: Uint32Array
  readonly categoryOffsets: Uint32Array
  readonly byCategory: Uint32Array
}

/**
 * Ranks items by `popularity`. `categories[item]` is the item's category number or -1 for none;
 * uncategorised items appear only in the overall ranking. With `positiveOnly`, items scoring 0 or
 * less are left out (a trend ranking lists only risers).
 */
export function rankByPopularity(
  popularity: ArrayLike<number>,
  categories: Int32Array,
  categoryCount: number,
  options: { positiveOnly?: boolean } = {},
): PopularityRanking {
  const overall = Uint32Array.from({ length: popularity.length }, (_, item) => item)
    .filter((item) => !options.positiveOnly || popularity[item]! > 0)
    .sort((a, b) => popularity[b]! - popularity[a]! || a - b)
  const counted = new Int32Array(categories.length).fill(-1)
  for (const item of overall) counted[item] = categories[item]!
  const categoryOffsets = new Uint32Array(categoryCount + 1)
  for (const category of counted) if (category >= 0) categoryOffsets[category + 1]!++
  for (let category = 0; category < categoryCount; category++) categoryOffsets[category + 1]! += categoryOffsets[category]!
  const cursor = categoryOffsets.slice(0, categoryCount)
  const byCategory = new Uint32Array(categoryOffsets[categoryCount]!)
  // Walking the overall ranking keeps each category's slice in popularity order without a second sort.
  for (const item of overall) {
    const category = categories[item]!
    if (category >= 0) byCategory[cursor[category]!++] = item
  }
  return { overall, categoryOffsets, byCategory }
}
