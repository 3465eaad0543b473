import { describe, expect, it } from 'vitest'
import { fulfillmentSchema, isOrderFulfilled } from './fulfillment.ts'

const lines = [
  { productId: 'a', quantity: 2 },
  { productId: 'b', quantity: 1 },
]

describe('isOrderFulfilled', () => {
  it('is true once every product is shipped in full, across fulfilments', () => {
    const first = { lineItems: [{ productId: 'a', quantity: 2 }] }
    const second = { lineItems: [{ productId: 'b', quantity: 1 }] }
    expect(isOrderFulfilled(lines, [first])).toBe(false)
    expect(isOrderFulfilled(lines, [first, second])).toBe(true)
  })

  it('is false while a quantity is short', () => {
    expect(
      isOrderFulfilled(lines, [
        {
          lineItems: [
            { productId: 'a', quantity: 1 },
            { productId: 'b', quantity: 1 },
          ],
        },
      ]),
    ).toBe(false)
  })

  it('trusts a fulfilment that says it completes the order, or names no lines', () => {
    expect(isOrderFulfilled(lines, [{ complete: true, lineItems: [{ productId: 'a', quantity: 1 }] }])).toBe(true)
    expect(isOrderFulfilled(lines, [{ complete: null, lineItems: null }])).toBe(true)
  })
})

describe('fulfillmentSchema', () => {
  it('keeps big platform ids as strings and names a bad date', () => {
    const parsed = fulfillmentSchema.parse({ fulfillmentId: '9007199254740993', orderId: 5, fulfilledAt: '2026-11-20T10:00:00Z' })
    expect(parsed).toMatchObject({ fulfillmentId: '9007199254740993', orderId: '5' })
    const bad = fulfillmentSchema.safeParse({ fulfillmentId: '1', orderId: '5', fulfilledAt: 'yesterday' })
    expect(bad.error?.issues[0]?.path).toEqual(['fulfilledAt'])
  })
})
