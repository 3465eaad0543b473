import { describe, expect, it } from 'vitest'
import { checkFrequencyCap } from './frequency-cap.ts'

const day = 24 * 60 * 60 * 1000
const cap = { maxEmails: 2, windowMs: 30 * day, minGapMs: 3 * day }
const now = Date.parse('2026-06-30T12:00:00Z')

describe('checkFrequencyCap', () => {
  it('allows the first email', () => {
    expect(checkFrequencyCap([], now, cap)).toEqual({ allowed: true })
  })

  it('keeps the minimum gap after the last email', () => {
    expect(checkFrequencyCap([now - day], now, cap)).toEqual({ allowed: false, reason: 'min-gap', notBeforeMs: now + 2 * day })
    expect(checkFrequencyCap([now - 3 * day], now, cap)).toEqual({ allowed: true })
  })

  it('allows at most maxEmails within the window, until the oldest leaves it', () => {
    expect(checkFrequencyCap([now - 20 * day, now - 10 * day], now, cap)).toEqual({
      allowed: false,
      reason: 'max-emails',
      notBeforeMs: now + 10 * day,
    })
    expect(checkFrequencyCap([now - 31 * day, now - 10 * day], now, cap)).toEqual({ allowed: true })
  })
})
