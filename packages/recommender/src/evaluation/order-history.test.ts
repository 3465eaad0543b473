import { describe, expect, it } from 'vitest'
import { OrderHistoryBuilder } from './order-history.ts'

describe('OrderHistoryBuilder', () => {
  it('groups lines into orders even when an order’s lines are apart, numbering products by id', () => {
    const builder = new OrderHistoryBuilder()
    const line = (orderId: string, productId: string, quantity: number, unitPrice: number) =>
      builder.add({
        orderId,
        customerId: `c-${orderId}`,
        productId,
        title: productId.toUpperCase(),
        category: undefined,
        quantity,
        unitPrice,
        time: 0,
      })
    line('1', 'mug', 2, 4)
    line('2', 'tea', 1, 3)
    line('1', 'cosy', 1, 8)
    line('1', 'mug', 1, 4.5)
    const history = builder.build()
    expect(history.products.ids()).toEqual(['cosy', 'mug', 'tea'])
    expect(history.titles).toEqual(['COSY', 'MUG', 'TEA'])
    expect(Array.from(history.prices)).toEqual([8, 4.5, 3])
    expect(Array.from(history.baskets.offsets)).toEqual([0, 2, 3])
    expect(Array.from(history.baskets.items)).toEqual([0, 1, 2])
    expect(Array.from(history.spend)).toEqual([20.5, 3])
    expect(history.customers.ids()).toEqual(['c-1', 'c-2'])
  })
})
