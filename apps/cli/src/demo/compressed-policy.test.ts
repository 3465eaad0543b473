import { defaultJourneyPolicy, journeyPolicySchema } from '@crosswise/domain'
import { describe, expect, it } from 'vitest'
import { compressedPolicy } from './compressed-policy.ts'

describe('compressedPolicy', () => {
  it('shrinks every duration alike, opens the send window all day and stays a valid policy', () => {
    const policy = compressedPolicy(4)
    expect(policy.delayMs).toEqual({ 'first-time': 28_000, repeat: 20_000, vip: 12_000 })
    expect(policy.fulfillment.timeoutMs).toBe(120_000)
    expect(policy.frequencyCap).toMatchObject({
      windowMs: 120_000,
      minGapMs: 12_000,
      maxEmails: defaultJourneyPolicy.frequencyCap.maxEmails,
    })
    expect(policy.engagement).toMatchObject({ waitMs: 16_000, followUpDelayMs: 8_000, pollIntervalMs: 4_000 })
    expect(policy.sendWindow).toMatchObject({ startHour: 0, endHour: 24 })
    expect(policy.holdoutShare).toBe(defaultJourneyPolicy.holdoutShare)
    expect(journeyPolicySchema.parse(policy)).toEqual(policy)
  })
})
