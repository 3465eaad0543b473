import type { PairingModel } from '../mining/pairing-model.ts'
import type { PairCounts } from '../mining/pair-counts.ts'
import type { BlendWeights } from '../ranking/blend-weights.ts'
import { rankItems } from '../ranking/rank-items.ts'
import type { ItemQuery } from '../ranking/signal-scores.ts'
import type { EvaluationCase } from './cutoff-split.ts'
import type { CaseRanker } from './segment-metrics.ts'

function contains(sorted: Uint32Array, item: number): boolean {
  let low = 0
  let high = sorted.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if (sorted[middle] === item) return true
    if (sorted[middle]! < item) low = middle + 1
    else high = middle - 1
  }
  return false
}

/** The ranking query of a case: its trigger, its earlier purchases, everything it owns excluded. */
export function caseQuery({ trigger, history, owned }: EvaluationCase): ItemQuery {
  return { trigger, history, isExcluded: (item) => contains(owned, item) }
}

/** Ranks cases with the model, under `weights` or the model's own. */
export function modelRanker(model: PairingModel, weights: BlendWeights = model.weights): CaseRanker {
  return (evaluationCase, k) => rankItems(model, caseQuery(evaluationCase), { weights, k }).map(({ item }) => item)
}

/** Baseline: the items in most orders, the same for everyone. */
export function popularityRanker(frequencies: Uint32Array): CaseRanker {
  const ranking = Uint32Array.from(frequencies.keys()).sort((a, b) => frequencies[b]! - frequencies[a]! || a - b)
  return ({ owned }, k) => {
    const ranked: number[] = []
    for (let position = 0; position < ranking.length && ranked.length < k; position++) {
      if (!contains(owned, ranking[position]!)) ranked.push(ranking[position]!)
    }
    return ranked
  }
}

/**
 * Baseline: items bought in the same order as the trigger's items, by summed raw count (DESIGN §6's
 * "co-occurrence count"), then by popularity.
 */
export function coOccurrenceRanker(pairs: PairCounts, frequencies: Uint32Array): CaseRanker {
  const byPopularity = popularityRanker(frequencies)
  return (evaluationCase, k) => {
    const totals = new Map<number, number>()
    for (const item of evaluationCase.trigger) {
      for (let position = pairs.offsets[item]!; position < pairs.offsets[item + 1]!; position++) {
        const partner = pairs.partners[position]!
        if (!contains(evaluationCase.owned, partner)) totals.set(partner, (totals.get(partner) ?? 0) + pairs.counts[position]!)
      }
    }
    const ranked = [...totals]
      .sort(([a, x], [b, y]) => y - x || frequencies[b]! - frequencies[a]! || a - b)
      .slice(0, k)
      .map(([item]) => item)
    for (const item of Array.from(byPopularity(evaluationCase, k + ranked.length))) {
      if (ranked.length < k && !ranked.includes(item)) ranked.push(item)
    }
    return ranked
  }
}
