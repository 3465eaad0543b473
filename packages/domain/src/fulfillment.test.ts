import { describe, expect, it } from 'vitest'
import { fulfillmentSchema } from './fulfillment.ts'

describe('fulfillmentSchema', () => {
  it('keeps big platform ids as strings and names a bad date', () => {
    const parsed = fulfillmentSchema.parse({ fulfillmentId: '9007199254740993', orderId: 5, fulfilledAt: '2026-11-20T10:00:00Z' })
    expect(parsed).toMatchObject({ fulfillmentId: '9007199254740993', orderId: '5' })
    const bad = fulfillmentSchema.safeParse({ fulfillmentId: '1', orderId: '5', fulfilledAt: 'yesterday' })
    expect(bad.error?.issues[0]?.path).toEqual(['fulfilledAt'])
  })
})
