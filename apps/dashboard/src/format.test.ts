import { describe, expect, it } from 'vitest'
import { interval, money, percent, points, sortedBy, temporalUiList } from './format.ts'

describe('dashboard formats', () => {
  it('shows rates, money, differences and open intervals as a person reads them', () => {
    expect(percent(0.1234)).toBe('12.3 %')
    expect(money('1234.5')).toBe('1,234.50')
    expect(points(0.012)).toBe('+1.2 pts')
    expect(points(-0.004)).toBe('−0.4 pts')
    expect(interval(-0.01, null, points)).toBe('−1.0 pts to +∞')
  })

  it('links a query into the Temporal UI', () => {
    expect(temporalUiList({ url: 'http://localhost:8233/', namespace: 'default' }, "StoreId = 'demo'")).toBe(
      "http://localhost:8233/namespaces/default/workflows?query=StoreId%20%3D%20'demo'",
    )
  })

  it('sorts numbers as numbers, text as text, nulls last', () => {
    const rows = [{ v: 10 }, { v: 9 }, { v: null }, { v: 100 }]
    expect(sortedBy(rows, (row) => row.v, false).map((row) => row.v)).toEqual([9, 10, 100, null])
    expect(sortedBy(rows, (row) => row.v, true).map((row) => row.v)).toEqual([100, 10, 9, null])
    expect(sortedBy([{ v: 'b' }, { v: 'a' }], (row) => row.v, false).map((row) => row.v)).toEqual(['a', 'b'])
  })
})
