import { describe, expect, it } from 'vitest'
import { RuleFilter } from './rule-filter.ts'

describe('RuleFilter', () => {
  const filter = new RuleFilter({
    triggerCategories: ['Kitchen', undefined],
    rules: { incompatibleCategories: [['Pets', 'Kitchen']], priceBands: { 'first-time': { min: 5, max: 30 } } },
    segment: 'first-time',
  })

  it('refuses unavailable, unknown and incompatible products', () => {
    expect(filter.allows({ available: true, category: 'Kitchen', price: 10 })).toBe(true)
    expect(filter.allows({ available: false, category: 'Kitchen', price: 10 })).toBe(false)
    expect(filter.allows(undefined)).toBe(false)
    expect(filter.allows({ available: true, category: 'Pets', price: 10 })).toBe(false)
    expect(filter.allowsCategory(null)).toBe(true)
  })

  it('keeps to the segment’s price band, inclusive, and refuses a price it cannot check', () => {
    expect(filter.allowsPrice(5)).toBe(true)
    expect(filter.allowsPrice(30)).toBe(true)
    expect(filter.allowsPrice(31)).toBe(false)
    expect(filter.allowsPrice(undefined)).toBe(false)
    expect(new RuleFilter({ triggerCategories: [], rules: { priceBands: { vip: { max: 1 } } } }).allowsPrice(50)).toBe(true)
  })
})
