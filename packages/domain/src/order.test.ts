import { describe, expect, it } from 'vitest'
import { orderSchema, orderTotal } from './order.ts'

const valid = {
  orderId: 5_551_234_567_890,
  customer: { id: '77', email: '  Ada@Example.COM ' },
  currency: 'eur',
  placedAt: '2026-11-01T10:00:00Z',
  lineItems: [{ productId: '1', title: 'Kettle', quantity: 2, unitPrice: '19.95' }],
}

describe('orderSchema', () => {
  it('normalises ids, emails and currency', () => {
    const order = orderSchema.parse(valid)
    expect(order.orderId).toBe('5551234567890')
    expect(order.customer.email).toBe('ada@example.com')
    expect(order.currency).toBe('EUR')
    expect(order.placedAt.toISOString()).toBe('2026-11-01T10:00:00.000Z')
  })

  it('rejects ids that lost precision as numbers', () => {
    const result = orderSchema.safeParse({ ...valid, orderId: 2 ** 60 })
    expect(result.success).toBe(false)
  })

  it('names the field that is wrong', () => {
    const result = orderSchema.safeParse({ ...valid, lineItems: [{ ...valid.lineItems[0], quantity: 0 }] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['lineItems', 0, 'quantity'])
  })

  it('names the new field when a client still sends fulfilmentStatus', () => {
    const result = orderSchema.safeParse({ ...valid, fulfilmentStatus: 'fulfilled' })
    expect(result.error?.issues[0]).toMatchObject({ path: ['fulfilmentStatus'], message: "renamed to 'fulfillmentStatus'" })
    expect(orderSchema.parse({ ...valid, fulfillmentStatus: 'fulfilled' }).fulfillmentStatus).toBe('fulfilled')
  })
})

describe('orderTotal', () => {
  it('adds line totals in decimal, not floating point', () => {
    expect(
      orderTotal({
        lineItems: [
          { productId: 'a', title: 'A', quantity: 3, unitPrice: '0.10' },
          { productId: 'b', title: 'B', quantity: 1, unitPrice: '0.20' },
        ],
      }),
    ).toBe('0.50')
  })
})
