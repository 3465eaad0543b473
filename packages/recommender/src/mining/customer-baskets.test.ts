import { describe, expect, it } from 'vitest'
import { BasketsBuilder } from './baskets.ts'
import { customerBaskets } from './customer-baskets.ts'

describe('customerBaskets', () => {
  it('merges each customer’s orders into one set, timed at their latest order', () => {
    const builder = new BasketsBuilder()
    builder.add(1, 5, [3, 1])
    builder.add(0, 2, [2])
    builder.add(1, 9, [1, 0])
    const merged = customerBaskets(builder.build({ customerCount: 3 }))
    expect(Array.from(merged.offsets)).toEqual([0, 1, 4])
    expect(Array.from(merged.items)).toEqual([2, 0, 1, 3])
    expect(Array.from(merged.customers)).toEqual([0, 1])
    expect(Array.from(merged.times)).toEqual([2, 9])
  })
})
