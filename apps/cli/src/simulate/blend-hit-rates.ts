import { type EvaluationCase, hitRateAt, modelRanker, type PairingModel } from '@crosswise/recommender'

/** HR@k of a ranking over some cases, by k. */
export type HitRatesAtK = Record<number, number>

/** HR@k of the model's blend for every k in `ks`, over `cases` (0 for no cases). */
export function blendHitRates(model: PairingModel, cases: readonly EvaluationCase[], ks: readonly number[]): HitRatesAtK {
  const rank = modelRanker(model)
  const deepest = Math.max(...ks)
  const hits = Object.fromEntries(ks.map((k) => [k, 0])) as HitRatesAtK
  for (const evaluationCase of cases) {
    const ranked = rank(evaluationCase, deepest)
    for (const k of ks) hits[k]! += hitRateAt(ranked, evaluationCase.truth, k)
  }
  return Object.fromEntries(ks.map((k) => [k, cases.length === 0 ? 0 : hits[k]! / cases.length])) as HitRatesAtK
}
