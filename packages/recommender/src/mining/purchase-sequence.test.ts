import { describe, expect, it } from 'vitest'
import { BasketsBuilder } from './baskets.ts'
import { nextBaskets } from './purchase-sequence.ts'

describe('nextBaskets', () => {
  it('links each order to the same customer’s next one in time, whatever the input order', () => {
    const builder = new BasketsBuilder()
    builder.add(0, 300, [1]) // 0: customer 0, third
    builder.add(1, 100, [1]) // 1: customer 1, only order
    builder.add(0, 100, [1]) // 2: customer 0, first
    builder.add(0, 200, [1]) // 3: customer 0, second
    builder.add(2, 50, [1]) // 4: customer 2, first
    builder.add(2, 50, [1]) // 5: customer 2, same time: basket order decides
    expect(Array.from(nextBaskets(builder.build()))).toEqual([-1, -1, 3, 0, 5, -1])
  })
})
