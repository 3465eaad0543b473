import { currencySchema, moneySchema, type Fulfillment, type Order } from '@crosswise/domain'
import { z } from 'zod'
import { optionalEmailSchema, optionalTextSchema, shopifyIdSchema, shopifyTimeSchema } from './shopify-fields.ts'

const lineItemSchema = z.object({
  id: shopifyIdSchema,
  // Null for custom items that are not in the catalogue.
  product_id: shopifyIdSchema.nullish(),
  variant_id: shopifyIdSchema.nullish(),
  title: z.string().trim().min(1).max(500),
  quantity: z.number().int().nonnegative().max(100_000),
  price: moneySchema,
})

/** The fields of a Shopify fulfilment that we keep (topic `fulfillments/create`, and inside orders). */
export const shopifyFulfillmentSchema = z.object({
  id: shopifyIdSchema,
  order_id: shopifyIdSchema,
  created_at: shopifyTimeSchema,
  /** `success` is a shipment; `cancelled`, `error` and `failure` are not. */
  status: z.string().max(50).nullish(),
  line_items: z
    .array(lineItemSchema.pick({ id: true, product_id: true, variant_id: true, quantity: true }))
    .max(1000)
    .default([]),
})
export type ShopifyFulfillment = z.infer<typeof shopifyFulfillmentSchema>

const customerSchema = z.object({
  id: shopifyIdSchema,
  email: optionalEmailSchema,
  first_name: optionalTextSchema,
  last_name: optionalTextSchema,
  /** Deprecated by Shopify in favour of `email_marketing_consent`; read when that is absent. */
  accepts_marketing: z.boolean().nullish(),
  email_marketing_consent: z.object({ state: z.string() }).nullish(),
})

/** The fields of a Shopify order webhook (`orders/*` topics) that we keep. */
export const shopifyOrderSchema = z.object({
  id: shopifyIdSchema,
  email: optionalEmailSchema,
  contact_email: optionalEmailSchema,
  created_at: shopifyTimeSchema,
  currency: currencySchema,
  total_price: moneySchema.optional(),
  cancelled_at: shopifyTimeSchema.nullish(),
  cancel_reason: z.string().nullish(),
  financial_status: z.string().max(50).nullish(),
  fulfillment_status: z.string().max(50).nullish(),
  customer: customerSchema.nullish(),
  line_items: z.array(lineItemSchema).max(1000),
  fulfillments: z.array(shopifyFulfillmentSchema).max(1000).default([]),
})
export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>

/** Our product id of a Shopify line: the product, or the line itself for a custom item. */
function productIdOf(line: { id: string; product_id?: string | null }): string {
  return line.product_id ?? `custom-line:${line.id}`
}

/**
 * The domain order of a Shopify order, or undefined when it names nobody we could ever email (no
 * email anywhere, as with some POS sales) or has no line left (every quantity zero).
 */
export function toOrder(payload: ShopifyOrder): Order | undefined {
  const email = payload.email ?? payload.contact_email ?? payload.customer?.email
  const lines = payload.line_items.filter((line) => line.quantity > 0)
  if (!email || lines.length === 0) return undefined
  const consent = payload.customer?.email_marketing_consent?.state
  const acceptsMarketing = consent === undefined ? payload.customer?.accepts_marketing : consent === 'subscribed'
  return {
    orderId: payload.id,
    customer: {
      email,
      ...(payload.customer ? { id: payload.customer.id } : {}),
      ...(payload.customer?.first_name ? { firstName: payload.customer.first_name } : {}),
      ...(payload.customer?.last_name ? { lastName: payload.customer.last_name } : {}),
      ...(typeof acceptsMarketing === 'boolean' ? { acceptsMarketing } : {}),
    },
    currency: payload.currency,
    placedAt: payload.created_at,
    lineItems: lines.map((line) => ({
      productId: productIdOf(line),
      ...(line.variant_id ? { variantId: line.variant_id } : {}),
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.price,
    })),
    ...(payload.total_price === undefined ? {} : { total: payload.total_price }),
    ...(payload.cancelled_at ? { cancelledAt: payload.cancelled_at } : {}),
    ...(payload.financial_status ? { financialStatus: payload.financial_status } : {}),
    ...(payload.fulfillment_status ? { fulfillmentStatus: payload.fulfillment_status } : {}),
  }
}

/** The domain fulfilment of a Shopify one, or undefined unless it is a shipment (`success`). */
export function toFulfillment(payload: ShopifyFulfillment): Fulfillment | undefined {
  if (payload.status && payload.status !== 'success') return undefined
  const lines = payload.line_items.filter((line) => line.quantity > 0)
  return {
    fulfillmentId: payload.id,
    orderId: payload.order_id,
    fulfilledAt: payload.created_at,
    ...(lines.length > 0
      ? {
          lineItems: lines.map((line) => ({
            productId: productIdOf(line),
            ...(line.variant_id ? { variantId: line.variant_id } : {}),
            quantity: line.quantity,
          })),
        }
      : {}),
  }
}
