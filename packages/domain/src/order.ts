import { z } from 'zod'
import { currencySchema, moneySchema } from './money.ts'

/** A platform identifier. Shopify ids exceed 2^53, so numbers are accepted only when exact. */
export const platformIdSchema = z
  .union([z.string(), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, 'must not be empty').max(255))

/** Lower-cases and trims an email so guest checkouts and accounts of one person match. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export const emailSchema = z.string().trim().email('must be an email address').transform(normaliseEmail)

/** One product line of an order. */
export const lineItemSchema = z.object({
  productId: platformIdSchema,
  variantId: platformIdSchema.optional(),
  title: z.string().trim().min(1).max(500),
  category: z.string().trim().min(1).max(200).optional(),
  quantity: z.number().int().positive(),
  unitPrice: moneySchema,
})
export type LineItem = z.infer<typeof lineItemSchema>

/** The customer an order belongs to; `id` is absent for guest checkouts. */
export const orderCustomerSchema = z.object({
  id: platformIdSchema.optional(),
  email: emailSchema,
  firstName: z.string().trim().max(200).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
})

/** An order as it arrives from any platform, before it is stored. */
export const orderSchema = z.object({
  orderId: platformIdSchema,
  customer: orderCustomerSchema,
  currency: currencySchema,
  placedAt: z.coerce.date({ error: 'must be an ISO 8601 date-time' }),
  lineItems: z.array(lineItemSchema).min(1, 'an order needs at least one line item').max(1000),
})
export type Order = z.infer<typeof orderSchema>
export type OrderInput = z.input<typeof orderSchema>

/** The order's total in major units as a decimal string, computed without floating point. */
export function orderTotal(order: Pick<Order, 'lineItems'>): string {
  const scale = 10_000n
  let total = 0n
  for (const line of order.lineItems) {
    const [whole = '0', fraction = ''] = line.unitPrice.replace('-', '').split('.')
    const magnitude = BigInt(whole) * scale + BigInt(fraction.padEnd(4, '0'))
    const signed = line.unitPrice.startsWith('-') ? -magnitude : magnitude
    total += signed * BigInt(line.quantity)
  }
  const negative = total < 0n
  const abs = negative ? -total : total
  const cents = (abs + 50n) / 100n
  const text = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
  return negative ? `-${text}` : text
}
