import { z } from 'zod'
import { instantSchema } from './instant.ts'
import { moneySchema } from './money.ts'
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
