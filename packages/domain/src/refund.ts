import { z } from 'zod'
import { instantSchema } from './instant.ts'
import { decimalToUnits, moneySchema } from './money.ts'
import { platformIdSchema } from './platform-id.ts'

/** Money given back on an order, as any platform reports it; may arrive before its order. */
export const refundSchema = z.object({
  refundId: platformIdSchema,
  orderId: platformIdSchema,
  refundedAt: instantSchema,
  /** Amount refunded, major units of the order's currency. */
  amount: moneySchema,
  /** The platform's word that the whole order is refunded; computed from the amounts when absent. */
  full: z.boolean().optional(),
})
export type Refund = z.infer<typeof refundSchema>
export type RefundInput = z.input<typeof refundSchema>

/** Whether the refunds so far give back the order's whole total (decimal strings, exact arithmetic). */
export function isFullRefund(orderTotal: string, refundedAmounts: readonly string[]): boolean {
  if (refundedAmounts.length === 0) return false
  const refunded = refundedAmounts.reduce((sum, amount) => sum + decimalToUnits(amount), 0n)
  return refunded >= decimalToUnits(orderTotal)
}
