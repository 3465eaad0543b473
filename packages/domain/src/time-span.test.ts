import { describe, expect, it } from 'vitest'
import { formatTimeSpan, timeSpanSchema } from './time-span.ts'

describe('time spans', () => {
  it('reads days, hours, minutes and seconds, and writes them back in the largest whole unit', () => {
    expect(timeSpanSchema.parse('30d')).toBe(30 * 86_400_000)
    expect(timeSpanSchema.parse(' 1.5h ')).toBe(90 * 60_000)
    expect(timeSpanSchema.parse('120s')).toBe(120_000)
    expect(formatTimeSpan(timeSpanSchema.parse('30d'))).toBe('30d')
    expect(formatTimeSpan(timeSpanSchema.parse('120s'))).toBe('2m')
    expect(formatTimeSpan(timeSpanSchema.parse('1.5h'))).toBe('90m')
  })

  it('refuses what is not a span, or is out of bounds, saying what it wants', () => {
    expect(timeSpanSchema.safeParse('30').error?.issues[0]?.message).toBe('must be a span such as 30d, 12h, 90m or 45s')
    expect(timeSpanSchema.safeParse('-1d').success).toBe(false)
    expect(timeSpanSchema.safeParse('500ms').success).toBe(false)
    expect(timeSpanSchema.safeParse('0s').error?.issues[0]?.message).toBe('must be at least 1s')
    expect(timeSpanSchema.safeParse('366d').error?.issues[0]?.message).toBe('must be at most 365d')
  })
})
