import { describe, expect, it } from 'vitest'
import { basketCount, BasketsBuilder } from './baskets.ts'

describe('BasketsBuilder', () => {
  it('stores each order sorted and without duplicate items', () => {
    const builder = new BasketsBuilder()
    builder.add(0, 10, [5, 2, 5, 9])
    builder.add(1, 20, [])
    builder.add(0, 30, [3])
    const baskets = builder.build()
    expect(basketCount(baskets)).toBe(3)
    expect(Array.from(baskets.offsets)).toEqual([0, 3, 3, 4])
    expect(Array.from(baskets.items)).toEqual([2, 5, 9, 3])
    expect(Array.from(baskets.customers)).toEqual([0, 1, 0])
    expect(Array.from(baskets.times)).toEqual([10, 20, 30])
    expect(baskets.itemCount).toBe(10)
    expect(baskets.customerCount).toBe(2)
  })

  it('keeps a larger catalogue size than the items seen', () => {
    const builder = new BasketsBuilder({ baskets: 1, items: 1 })
    builder.add(0, 0, [1])
    expect(builder.build({ itemCount: 50, customerCount: 7 })).toMatchObject({ itemCount: 50, customerCount: 7 })
  })

  it('grows past its expected sizes', () => {
    const builder = new BasketsBuilder({ baskets: 1, items: 1 })
    for (let order = 0; order < 100; order++) builder.add(order % 3, order, [order, order + 1])
    const baskets = builder.build()
    expect(basketCount(baskets)).toBe(100)
    expect(baskets.items[199]).toBe(100)
  })
})
