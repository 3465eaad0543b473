import { describe, expect, it } from 'vitest'
import { instantSchema } from './instant.ts'

describe('instantSchema', () => {
  it('reads ISO 8601 date-times with their offset, dates and Date objects', () => {
    expect(instantSchema.parse('2026-11-20T10:15:04+01:00').toISOString()).toBe('2026-11-20T09:15:04.000Z')
    expect(instantSchema.parse('2026-11-20').toISOString()).toBe('2026-11-20T00:00:00.000Z')
    expect(instantSchema.parse(new Date('2026-11-20T00:00:00Z')).getTime()).toBe(Date.UTC(2026, 10, 20))
  })

  it('refuses numbers, booleans, null and moments outside 1970–2100, saying why', () => {
    for (const value of [0, 12345, true, null, '12345', 'yesterday', '2026-11-20T10:00:00'])
      expect(instantSchema.safeParse(value).error?.issues[0]?.message).toBe('must be an ISO 8601 date-time such as 2026-11-20T10:00:00Z')
    for (const value of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '2100-01-01T00:00:00Z', new Date(-8.64e15)])
      expect(instantSchema.safeParse(value).error?.issues[0]?.message).toBe('must be between 1970 and 2100')
  })
})
