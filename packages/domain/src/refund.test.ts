import { describe, expect, it } from 'vitest'
import { isFullRefund, refundSchema } from './refund.ts'

describe('isFullRefund', () => {
  it('compares the sum of refunds with the order total exactly', () => {
    expect(isFullRefund('30.00', ['10.10', '19.90'])).toBe(true)
    expect(isFullRefund('30.00', ['10.10', '19.89'])).toBe(false)
    expect(isFullRefund('0.3', ['0.1', '0.2'])).toBe(true)
  })

  it('is false without any refund', () => {
    expect(isFullRefund('0.00', [])).toBe(false)
  })
})

describe('refundSchema', () => {
  it('rejects a negative amount', () => {
    const result = refundSchema.safeParse({ refundId: '1', orderId: '2', refundedAt: '2026-11-20T10:00:00Z', amount: '-5.00' })
    expect(result.error?.issues[0]?.path).toEqual(['amount'])
  })
})
