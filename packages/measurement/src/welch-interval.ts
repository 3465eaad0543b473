import { studentTQuantile } from './distributions.ts'
import { summarize, type DifferenceInterval, type SampleSummary } from './summary.ts'

/**
 * Welch's interval for the difference of two means (treated minus control): no equal-variance
 * assumption, which revenue per customer (mostly zeros, a long tail) never meets. Needs two
 * observations per group; with fewer the difference is unknown and the interval unbounded.
 */
export function welchInterval(
  treated: readonly number[] | SampleSummary,
  control: readonly number[] | SampleSummary,
  confidence = 0.95,
): DifferenceInterval {
  const a = 'n' in treated ? treated : summarize(treated)
  const b = 'n' in control ? control : summarize(control)
  const difference = a.mean - b.mean
  if (a.n < 2 || b.n < 2) return { difference, low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY, confidence }
  const va = a.variance / a.n
  const vb = b.variance / b.n
  const standardError = Math.sqrt(va + vb)
  // Both groups constant: the difference is exact.
  if (standardError === 0) return { difference, low: difference, high: difference, confidence }
  const degreesOfFreedom = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1))
  const margin = studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom) * standardError
  return { difference, low: difference - margin, high: difference + margin, confidence }
}
