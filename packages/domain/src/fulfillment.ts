import { z } from 'zod'
import { instantSchema } from './instant.ts'
import { platformIdSchema } from './platform-id.ts'

/** One fulfilled line: which product and how many of it. */
export const fulfilledLineSchema = z.object({
  productId: platformIdSchema,
  variantId: platformIdSchema.optional(),
  quantity: z.number().int().positive().max(100_000),
})
export type FulfilledLine = z.infer<typeof fulfilledLineSchema>

/**
 * A shipment of all or part of an order, as any platform reports it. It may arrive before its order;
 * it is then kept and announced to the journey once the order is known.
 */
export const fulfillmentSchema = z.object({
  fulfillmentId: platformIdSchema,
  orderId: platformIdSchema,
  fulfilledAt: instantSchema,
  /** The platform's word that the whole order is now fulfilled; computed from the lines when absent. */
  complete: z.boolean().optional(),
  /** The lines shipped; absent means the whole order. */
  lineItems: z.array(fulfilledLineSchema).min(1).max(1000).optional(),
})
export type Fulfillment = z.infer<typeof fulfillmentSchema>
export type FulfillmentInput = z.input<typeof fulfillmentSchema>
