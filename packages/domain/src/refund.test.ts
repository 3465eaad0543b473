import { describe, expect, it } from 'vitest'
import { refundSchema } from './refund.ts'

describe('refundSchema', () => {
  it('rejects a negative amount', () => {
    const result = refundSchema.safeParse({ refundId: '1', orderId: '2', refundedAt: '2026-11-20T10:00:00Z', amount: '-5.00' })
    expect(result.error?.issues[0]?.path).toEqual(['amount'])
  })
})
