import { studentTQuantile } from './distributions.ts'

/** A non-negative quantity summed over observations, with the sum of its squares (revenue per send). */
export interface SummedValues {
  count: number
  sum: number
  sumSquares: number
}

/**
 * Student's t interval for the mean of a non-negative quantity from its sums, so a variant's revenue
 * per send gets an interval without reading every send. The low end stops at 0, which the mean
 * cannot go below; with fewer than two observations the interval is unbounded above.
 */
export function meanInterval({ count, sum, sumSquares }: SummedValues, confidence = 0.95): { mean: number; low: number; high: number } {
  const mean = count === 0 ? 0 : sum / count
  if (count < 2) return { mean, low: 0, high: Number.POSITIVE_INFINITY }
  const variance = Math.max(0, (sumSquares - count * mean * mean) / (count - 1))
  const margin = studentTQuantile(1 - (1 - confidence) / 2, count - 1) * Math.sqrt(variance / count)
  return { mean, low: Math.max(0, mean - margin), high: mean + margin }
}
