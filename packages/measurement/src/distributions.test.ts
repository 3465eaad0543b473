import { describe, expect, it } from 'vitest'
import { normalCdf, normalQuantile, studentTCdf, studentTQuantile } from './distributions.ts'

describe('distributions', () => {
  it('gives the normal values every table prints', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 12)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 10)
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 12)
    expect(normalCdf(4)).toBeCloseTo(0.9999683287581669, 12)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8)
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 8)
  })

  it("gives Student's t quantiles of the tables, and the normal's as the degrees of freedom grow", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736, 6)
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.570581836, 7)
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272456, 7)
    expect(studentTQuantile(0.975, 12.5)).toBeGreaterThan(studentTQuantile(0.975, 13))
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3)
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12)
    expect(studentTCdf(-2.570581836, 5)).toBeCloseTo(0.025, 8)
  })

  it('refuses a quantile outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError)
  })
})
