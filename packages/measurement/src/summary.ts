/** Count, mean and unbiased variance of a sample: what every interval here starts from. */
export interface SampleSummary {
  n: number
  mean: number
  variance: number
}

export function summarize(values: readonly number[]): SampleSummary {
  const n = values.length
  const mean = n === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / n
  const variance = n < 2 ? 0 : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1)
  return { n, mean, variance }
}

/** An estimate of a difference (treated minus control) with its two-sided interval. */
export interface DifferenceInterval {
  difference: number
  low: number
  high: number
  /** The interval's confidence, e.g. 0.95. */
  confidence: number
}
