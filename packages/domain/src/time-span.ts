import { z } from 'zod'

const unitMs = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const

/**
 * A span of time written as people write it: `30d`, `12h`, `90m`, `45s`. Reports take their windows
 * this way, so a demo that runs a day in seconds can ask for its own month.
 */
export const timeSpanSchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}(\.\d{1,3})?[dhms]$/, 'must be a span such as 30d, 12h, 90m or 45s')
  .transform((text) => Math.round(Number(text.slice(0, -1)) * unitMs[text.at(-1) as keyof typeof unitMs]))
  .pipe(
    z
      .number()
      .int()
      .min(1_000, 'must be at least 1s')
      .max(365 * unitMs.d, 'must be at most 365d'),
  )

/** A span in the largest unit that writes it whole: 2592000000 → `30d`, 300000 → `5m`. */
export function formatTimeSpan(ms: number): string {
  for (const [unit, size] of Object.entries(unitMs)) if (ms % size === 0) return `${ms / size}${unit}`
  return `${ms / 1000}s`
}
