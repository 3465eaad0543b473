import { z } from 'zod'
import { platformIdSchema } from './platform-id.ts'

/** An order called off by the store or the customer: its journey ends. */
export const cancellationSchema = z.object({
  orderId: platformIdSchema,
  cancelledAt: z.coerce.date({ error: 'must be an ISO 8601 date-time' }),
  /** The platform's reason, e.g. Shopify's `customer`, `fraud`, `inventory`. */
  reason: z.string().trim().max(200).optional(),
})
export type Cancellation = z.infer<typeof cancellationSchema>
export type CancellationInput = z.input<typeof cancellationSchema>
