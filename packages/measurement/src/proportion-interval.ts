import { normalQuantile } from './distributions.ts'
import type { DifferenceInterval } from './summary.ts'

/** Successes out of trials: opens of sends, customers who bought again. */
export interface Proportion {
  successes: number
  trials: number
}

/** Wilson's score interval for one proportion: sound near 0 and 1, where conversion rates live. */
export function wilsonInterval({ successes, trials }: Proportion, confidence = 0.95): { rate: number; low: number; high: number } {
  if (trials === 0) return { rate: 0, low: 0, high: 1 }
  const z = normalQuantile(1 - (1 - confidence) / 2)
  const rate = successes / trials
  const denominator = 1 + (z * z) / trials
  const centre = (rate + (z * z) / (2 * trials)) / denominator
  const margin = (z * Math.sqrt((rate * (1 - rate)) / trials + (z * z) / (4 * trials * trials))) / denominator
  return { rate, low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) }
}

/**
 * Newcombe's hybrid score interval (method 10) for the difference of two proportions, treated minus
 * control: built from the two Wilson intervals, it keeps its coverage with small counts and rates
 * near zero, where the Wald interval does not.
 */
export function proportionDifferenceInterval(treated: Proportion, control: Proportion, confidence = 0.95): DifferenceInterval {
  const a = wilsonInterval(treated, confidence)
  const b = wilsonInterval(control, confidence)
  const difference = a.rate - b.rate
  const below = Math.sqrt((a.rate - a.low) ** 2 + (b.high - b.rate) ** 2)
  const above = Math.sqrt((a.high - a.rate) ** 2 + (b.rate - b.low) ** 2)
  return { difference, low: difference - below, high: difference + above, confidence }
}
