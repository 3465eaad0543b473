import type { JourneyPolicy } from './journey-policy.ts'

/** What the frequency cap says about sending one more cross-sell email now. */
export type FrequencyCapVerdict =
  | { allowed: true }
  | {
      allowed: false
      reason: 'max-emails' | 'min-gap'
      /** Earliest moment (epoch ms) at which the cap would allow the email. */
      notBeforeMs: number
    }

/**
 * Applies the store's frequency cap to the customer's earlier cross-sell emails (send times in epoch
 * ms, any order): at most `maxEmails` within any `windowMs`, and at least `minGapMs` between two.
 */
export function checkFrequencyCap(sentAtMs: readonly number[], nowMs: number, cap: JourneyPolicy['frequencyCap']): FrequencyCapVerdict {
  const recent = sentAtMs.filter((at) => at > nowMs - cap.windowMs).sort((a, b) => a - b)
  const last = recent.at(-1)
  if (last !== undefined && nowMs - last < cap.minGapMs) return { allowed: false, reason: 'min-gap', notBeforeMs: last + cap.minGapMs }
  if (recent.length >= cap.maxEmails) {
    // The window frees a place when the oldest email that keeps it full leaves it.
    const oldest = recent[recent.length - cap.maxEmails]!
    return { allowed: false, reason: 'max-emails', notBeforeMs: oldest + cap.windowMs }
  }
  return { allowed: true }
}
