/**
 * How strongly item `a` points to item `b`, in compressed sparse rows: row `a` lists its partners in
 * `partners[offsets[a] .. offsets[a + 1])` with their `scores`. Ranking sums the rows of a query's
 * items, so a query costs the length of its rows, whatever the catalogue size.
 */
export interface PairScores {
  readonly itemCount: number
  /** `itemCount + 1` offsets into `partners` and `scores`. */
  readonly offsets: Uint32Array
  readonly partners: Uint32Array
  readonly scores: Float32Array
}

/**
 * How often item `a` was followed or accompanied by item `b`: rows list the most frequent partners
 * first, equal counts by ascending item number (so output is deterministic). `scores` holds the
 * shrunk cosine `count / (√(rowTotal(a) · partnerTotal(b)) + 10)`, which ranks better than raw
 * counts (popular items co-occur with everything) or lift (rare items look magical).
 */
export interface PairCounts extends PairScores {
  readonly counts: Uint32Array
  /** Events in which each item took part as the row side (e.g. baskets holding it). */
  readonly rowTotals: Uint32Array
  /** Events in which each item took part as the partner side; the same array as `rowTotals` for symmetric counts. */
  readonly partnerTotals: Uint32Array
  /** All events counted (baskets, or consecutive order pairs), the denominator of lift. */
  readonly eventCount: number
}

/** Limits applied while emitting each row. */
export interface PairLimits {
  /** Drop partners seen fewer times (default 1: keep all). */
  minSupport?: number
  /** Keep at most this many partners per item, the most frequent (default: all). */
  maxPartners?: number
}

/** The count of the pair (`item`, `partner`), 0 when it was not kept. */
export function pairCount(pairs: PairCounts, item: number, partner: number): number {
  for (let position = pairs.offsets[item]!; position < pairs.offsets[item + 1]!; position++) {
    if (pairs.partners[position] === partner) return pairs.counts[position]!
  }
  return 0
}
