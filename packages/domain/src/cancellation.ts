import { z } from 'zod'
import { instantSchema } from './instant.ts'
import { platformIdSchema } from './platform-id.ts'

/** An order called off by the store or the customer: its journey ends. */
export const cancellationSchema = z.object({
  orderId: platformIdSchema,
  cancelledAt: instantSchema,
  /** The platform's reason, e.g. Shopify's `customer`, `fraud`, `inventory`. */
  reason: z.string().trim().max(200).optional(),
})
export type Cancellation = z.infer<typeof cancellationSchema>
export type CancellationInput = z.input<typeof cancellationSchema>
