import { z } from 'zod'
import { instantSchema } from './instant.ts'
import { customerSchema } from './customer.ts'
import { currencySchema, decimalToUnits, moneySchema, unitsToDecimal } from './money.ts'
import { platformIdSchema } from './platform-id.ts'
import { renamedField } from './renamed-field.ts'

/** One product line of an order. */
export const lineItemSchema = z.object({
  productId: platformIdSchema,
  variantId: platformIdSchema.optional(),
  title: z.string().trim().min(1).max(500),
  category: z.string().trim().min(1).max(200).optional(),
  quantity: z.number().int().positive().max(100_000),
  unitPrice: moneySchema,
})
export type LineItem = z.infer<typeof lineItemSchema>

/** An order as it arrives from any platform, before it is stored. */
export const orderSchema = z.object({
  orderId: platformIdSchema,
  /** The customer; `id` is absent for guest checkouts. */
  customer: customerSchema,
  currency: currencySchema,
  placedAt: instantSchema,
  lineItems: z.array(lineItemSchema).min(1, 'an order needs at least one line item').max(1000),
  /** The platform's own total (tax, shipping and discounts applied); the lines' sum when absent. */
  total: moneySchema.optional(),
  /** Set when the order arrives already cancelled: it is stored but starts no journey. */
  cancelledAt: instantSchema.optional(),
  /** The platform's payment state (Shopify `financial_status`: `paid`, `refunded`, …). */
  financialStatus: z.string().trim().min(1).max(50).optional(),
  /** The platform's fulfilment state (Shopify `fulfillment_status`: `partial`, `fulfilled`). */
  fulfillmentStatus: z.string().trim().min(1).max(50).optional(),
  fulfilmentStatus: renamedField('fulfillmentStatus'),
})
export type Order = z.infer<typeof orderSchema>
export type OrderInput = z.input<typeof orderSchema>

/** The order's total in major units as a decimal string, computed without floating point. */
export function orderTotal(order: Pick<Order, 'lineItems'>): string {
  let total = 0n
  for (const line of order.lineItems) total += decimalToUnits(line.unitPrice) * BigInt(line.quantity)
  return unitsToDecimal(total)
}
