import { describe, expect, it } from 'vitest'
import { FilterSyntaxError, parseFilter } from './filter.ts'

describe('parseFilter', () => {
  it('reads comma-joined conditions with quoted strings and unquoted date-times', () => {
    expect(parseFilter('equals(metric_id,"M1"),equals(profile_id,\'P1\'),greater-or-equal(datetime,2026-07-15T10:00:00Z)')).toEqual([
      { operator: 'equals', field: 'metric_id', value: 'M1' },
      { operator: 'equals', field: 'profile_id', value: 'P1' },
      { operator: 'greater-or-equal', field: 'datetime', value: new Date('2026-07-15T10:00:00Z') },
    ])
  })

  it('flattens and(), reads lists, numbers and valueless operators', () => {
    expect(parseFilter('and(any(email,["a@x.com","b@x.com"]),less-than(timestamp,1700000000),has(profile))')).toEqual([
      { operator: 'any', field: 'email', value: ['a@x.com', 'b@x.com'] },
      { operator: 'less-than', field: 'timestamp', value: 1_700_000_000 },
      { operator: 'has', field: 'profile' },
    ])
  })

  it.each(['equals(email,"unterminated)', 'equals(email,"a")x', 'or(equals(a,"b"),equals(c,"d"))', 'equals(email,bare words)'])(
    'rejects %s',
    (text) => {
      expect(() => parseFilter(text)).toThrow(FilterSyntaxError)
    },
  )
})
