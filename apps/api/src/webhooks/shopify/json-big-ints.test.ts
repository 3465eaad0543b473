import { describe, expect, it } from 'vitest'
import { parseJsonKeepingBigInts } from './json-big-ints.ts'

describe('parseJsonKeepingBigInts', () => {
  it('keeps ids above 2^53 exact as strings and small numbers as numbers', () => {
    const parsed = parseJsonKeepingBigInts('{"id": 9007199254740993, "neg": -12345678901234567890, "qty": 2, "price": "19.90"}')
    expect(parsed).toEqual({ id: '9007199254740993', neg: '-12345678901234567890', qty: 2, price: '19.90' })
  })

  it('leaves digits inside strings, fractions and exponents alone', () => {
    const text =
      '{"note": "order 12345678901234567 \\"x\\" 99999999999999999", "f": 1.12345678901234567, "e": 1e-12345678901234567, "a": [1234567890123456789]}'
    const parsed = parseJsonKeepingBigInts(text) as Record<string, unknown>
    expect(parsed.note).toBe('order 12345678901234567 "x" 99999999999999999')
    expect(parsed.f).toBeCloseTo(1.1234567890123457)
    expect(parsed.e).toBe(0)
    expect(parsed.a).toEqual(['1234567890123456789'])
  })

  it('still rejects malformed JSON', () => {
    expect(() => parseJsonKeepingBigInts('{"id": ')).toThrow(SyntaxError)
  })
})

describe('parseJsonKeepingBigInts on hostile bodies', () => {
  it('reads a body of a million escaped quotes in one pass', () => {
    const text = `{"note": "${'\\"'.repeat(500_000)}", "id": 9223372036854775807}`
    // The regular expression this replaced backtracked for minutes on it, past the test's timeout.
    expect(parseJsonKeepingBigInts(text)).toMatchObject({ id: '9223372036854775807' })
    expect(() => parseJsonKeepingBigInts(`"${'\\"'.repeat(500_000)}`)).toThrow(SyntaxError)
  })
})
