import { describe, expect, it } from 'vitest'
import { defaultJourneyPolicy, journeyPolicySchema } from './journey-policy.ts'

const day = 24 * 60 * 60 * 1000

describe('journeyPolicySchema', () => {
  it('gives first-time, repeat and VIP customers 7, 5 and 3 days by default', () => {
    expect(defaultJourneyPolicy.delayMs).toEqual({ 'first-time': 7 * day, repeat: 5 * day, vip: 3 * day })
  })

  it('keeps a store override and fills the rest', () => {
    const policy = journeyPolicySchema.parse({ holdoutShare: 0.2, sendWindow: { startHour: 10, endHour: 18 } })
    expect(policy.holdoutShare).toBe(0.2)
    expect(policy.sendWindow).toMatchObject({ startHour: 10, endHour: 18, defaultTimeZone: 'UTC' })
    expect(policy.frequencyCap.maxEmails).toBe(2)
  })

  it('rejects a send window that closes before it opens', () => {
    expect(journeyPolicySchema.safeParse({ sendWindow: { startHour: 18, endHour: 9 } }).success).toBe(false)
  })

  it('names the new key when a policy still uses the old spelling, instead of dropping its rules', () => {
    const result = journeyPolicySchema.safeParse({ fulfilment: { timeoutMs: 60_000 } })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({ path: ['fulfilment'], message: "renamed to 'fulfillment'" })
    expect(journeyPolicySchema.parse({ fulfillment: { timeoutMs: 60_000 } }).fulfillment.timeoutMs).toBe(60_000)
  })
})
