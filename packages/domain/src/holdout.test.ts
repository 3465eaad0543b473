import { describe, expect, it } from 'vitest'
import { holdoutPosition, isHeldOut } from './holdout.ts'

describe('holdout assignment', () => {
  it('puts a customer in the same place every time', () => {
    expect(holdoutPosition('acme', 'c1')).toBe(holdoutPosition('acme', 'c1'))
    expect(holdoutPosition('acme', 'c1')).not.toBe(holdoutPosition('other', 'c1'))
  })

  it('holds out about the configured share of customers', () => {
    const customers = Array.from({ length: 20_000 }, (_, index) => `customer-${index}`)
    const held = customers.filter((id) => isHeldOut('acme', id, 0.1)).length
    expect(held / customers.length).toBeGreaterThan(0.09)
    expect(held / customers.length).toBeLessThan(0.11)
  })

  it('holds out nobody at share 0 and everybody at share 1', () => {
    expect(isHeldOut('acme', 'c1', 0)).toBe(false)
    expect(isHeldOut('acme', 'c1', 1)).toBe(true)
  })
})
