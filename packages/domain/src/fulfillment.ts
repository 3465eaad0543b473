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

/** What `isOrderFulfilled` needs of a fulfilment. */
export interface ShippedPart {
  complete?: boolean | null
  lineItems?: readonly FulfilledLine[] | null
}

/**
 * Whether these fulfilments together ship every line of the order. A fulfilment that says it is
 * complete, or names no lines, covers the whole order; otherwise quantities are summed per product.
 */
export function isOrderFulfilled(
  orderLines: readonly { productId: string; quantity: number }[],
  fulfillments: readonly ShippedPart[],
): boolean {
  if (fulfillments.some((part) => part.complete === true || !part.lineItems || part.lineItems.length === 0)) return true
  const shipped = new Map<string, number>()
  for (const part of fulfillments) {
    for (const line of part.lineItems ?? []) shipped.set(line.productId, (shipped.get(line.productId) ?? 0) + line.quantity)
  }
  const ordered = new Map<string, number>()
  for (const line of orderLines) ordered.set(line.productId, (ordered.get(line.productId) ?? 0) + line.quantity)
  return [...ordered].every(([productId, quantity]) => (shipped.get(productId) ?? 0) >= quantity)
}
