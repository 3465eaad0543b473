import { describe, expect, it } from 'vitest'
import { decimalToUnits, moneySchema, unitsToDecimal } from './money.ts'

describe('money', () => {
  it('turns decimal strings into exact ten-thousandths and back, rounding to cents', () => {
    expect(decimalToUnits('19.9')).toBe(199_000n)
    expect(decimalToUnits('-0.0001')).toBe(-1n)
    expect(unitsToDecimal(199_050n)).toBe('19.91')
    expect(unitsToDecimal(-1_000_000n)).toBe('-100.00')
  })

  it('rejects exponent notation', () => {
    expect(moneySchema.safeParse('1e3').success).toBe(false)
  })
})
