/**
 * Ranking metrics for one customer, with binary relevance: `ranked` is the recommendation list
 * (best first), `truth` the items they went on to buy, sorted ascending.
 */

function isRelevant(truth: Uint32Array, item: number): boolean {
  let low = 0
  let high = truth.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const value = truth[middle]!
    if (value === item) return true
    if (value < item) low = middle + 1
    else high = middle - 1
  }
  return false
}

function hitsAt(ranked: ArrayLike<number>, truth: Uint32Array, k: number): number {
  let hits = 0
  for (let rank = 0; rank < Math.min(k, ranked.length); rank++) if (isRelevant(truth, ranked[rank]!)) hits++
  return hits
}

/** HR@k: 1 when any of the first `k` recommendations was bought, else 0. */
export function hitRateAt(ranked: ArrayLike<number>, truth: Uint32Array, k: number): number {
  return hitsAt(ranked, truth, k) > 0 ? 1 : 0
}

/** Recall@k: the share of the bought items found in the first `k` recommendations. */
export function recallAt(ranked: ArrayLike<number>, truth: Uint32Array, k: number): number {
  return truth.length === 0 ? 0 : hitsAt(ranked, truth, k) / truth.length
}

/**
 * NDCG@k: discounted gain `1 / log2(rank + 1)` of the hits in the first `k` (rank from 1), over the
 * gain of an ideal list that puts `min(k, |truth|)` bought items first.
 */
export function ndcgAt(ranked: ArrayLike<number>, truth: Uint32Array, k: number): number {
  let gain = 0
  for (let rank = 0; rank < Math.min(k, ranked.length); rank++) {
    if (isRelevant(truth, ranked[rank]!)) gain += 1 / Math.log2(rank + 2)
  }
  let ideal = 0
  for (let rank = 0; rank < Math.min(k, truth.length); rank++) ideal += 1 / Math.log2(rank + 2)
  return ideal === 0 ? 0 : gain / ideal
}
