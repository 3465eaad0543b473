import type { PairingModel } from '../mining/pairing-model.ts'
import { type BlendOptions, blendSignals, type RankedItem } from './blend.ts'
import { signals } from './blend-weights.ts'
import { type ItemQuery, scoreSignals } from './signal-scores.ts'

/**
 * The model's top `k` items for `query`, mined pairings first and popular fallbacks after, with the
 * model's own weights unless `options.weights` overrides them.
 */
export function rankItems(
  model: PairingModel,
  query: ItemQuery,
  options: Omit<BlendOptions, 'weights'> & Partial<Pick<BlendOptions, 'weights'>>,
): RankedItem[] {
  const weights = options.weights ?? model.weights
  const active = signals.filter((signal) => weights[signal] !== 0)
  return blendSignals(model, scoreSignals(model, query, active), { ...options, weights })
}
