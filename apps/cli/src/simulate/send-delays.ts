import type { Segment } from '@crosswise/domain'

const day = 86_400_000

/** The spread of fulfilment-to-send delays of one segment, in days. */
export interface DelaySpread {
  emails: number
  minDays: number
  p50Days: number
  p90Days: number
  maxDays: number
}

/** The value at quantile `q` (0–1) of ascending `sorted` values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** Delays from fulfilment to the first email (ms), summarised per segment; segments without emails are left out. */
export function delaySpreads(delays: readonly { segment: Segment; delayMs: number }[]): Partial<Record<Segment, DelaySpread>> {
  const bySegment = new Map<Segment, number[]>()
  for (const { segment, delayMs } of delays) bySegment.set(segment, [...(bySegment.get(segment) ?? []), delayMs / day])
  const spreads: Partial<Record<Segment, DelaySpread>> = {}
  for (const segment of ['first-time', 'repeat', 'vip'] as const) {
    const values = bySegment.get(segment)?.sort((a, b) => a - b)
    if (!values) continue
    spreads[segment] = {
      emails: values.length,
      minDays: values[0]!,
      p50Days: quantile(values, 0.5),
      p90Days: quantile(values, 0.9),
      maxDays: values.at(-1)!,
    }
  }
  return spreads
}
