import type { Proportion } from './proportion-interval.ts'

/**
 * Where an experiment between two variants stands. `pValue` is the always-valid p-value of this look
 * (1 over the likelihood ratio): a verdict read from it at any look keeps the error rate.
 */
export type SequentialVerdict =
  | { state: 'collecting'; pValue: number }
  | { state: 'winner'; winner: 'treated' | 'control'; pValue: number }
  | { state: 'no-difference'; pValue: number }

export interface SequentialTestOptions {
  /** The error rate the test keeps however often it is looked at, e.g. 0.05. */
  alpha: number
  /**
   * The spread of differences the test expects (the mixing prior's standard deviation, in the
   * metric's own units, e.g. 0.02 for two points of click-through): the test is most sensitive near it.
   */
  tau: number
  /** Trials per variant before any verdict: the normal approximation needs them. */
  minimumPerVariant: number
  /** Trials per variant after which, without a winner, the verdict is no difference. */
  maximumPerVariant: number
}

/**
 * The mixture sequential probability ratio test (mSPRT, Johari et al., "Always valid inference",
 * 2017) for two proportions. Its likelihood ratio against "no difference" is a martingale, so by
 * Ville's inequality it crosses 1/alpha with probability at most alpha however many times the results
 * are read: a store may look every day and still declare a false winner in at most alpha of tests.
 */
export function sequentialTest(treated: Proportion, control: Proportion, options: SequentialTestOptions): SequentialVerdict {
  const rate = (group: Proportion) => (group.trials === 0 ? 0 : group.successes / group.trials)
  const difference = rate(treated) - rate(control)
  // Pooled rate under "no difference": the variance the null hypothesis implies.
  const pooled = (treated.successes + control.successes) / Math.max(1, treated.trials + control.trials)
  const variance = pooled * (1 - pooled) * (1 / Math.max(1, treated.trials) + 1 / Math.max(1, control.trials))
  const enough = Math.min(treated.trials, control.trials) >= options.minimumPerVariant
  if (!enough || variance === 0) return { state: 'collecting', pValue: 1 }
  const tau2 = options.tau ** 2
  const logRatio = 0.5 * Math.log(variance / (variance + tau2)) + (tau2 * difference ** 2) / (2 * variance * (variance + tau2))
  const pValue = Math.min(1, Math.exp(-logRatio))
  if (pValue <= options.alpha) return { state: 'winner', winner: difference > 0 ? 'treated' : 'control', pValue }
  if (Math.min(treated.trials, control.trials) >= options.maximumPerVariant) return { state: 'no-difference', pValue }
  return { state: 'collecting', pValue }
}
