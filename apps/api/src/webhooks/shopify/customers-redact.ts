import { customersOfOrders, redactCustomer } from '@crosswise/db'
import { z } from 'zod'
import { optionalEmailSchema, shopifyIdSchema } from './shopify-fields.ts'
import { topicHandler } from './topic.ts'

/** The GDPR `customers/redact` payload: whom to erase (orders hold no personal data of ours). */
export const shopifyRedactionSchema = z.object({
  customer: z.object({ id: shopifyIdSchema.nullish(), email: optionalEmailSchema }),
  orders_to_redact: z.array(shopifyIdSchema).max(100_000).default([]),
})

/**
 * `customers/redact`: erases the customer's personal data from our tables and ends their journey.
 * The customer is found by id or email, and whoever placed the `orders_to_redact` is erased too: a
 * guest checkout we know only by its orders. Shopify sends it 10 days after the request (or 6
 * months, if orders were placed since).
 */
export const customersRedact = topicHandler(shopifyRedactionSchema, async (trx, payload, shop) => {
  const redacted = new Set<string>()
  const named = await redactCustomer(trx, shop.storeId, {
    ...(payload.customer.id ? { customerId: payload.customer.id } : {}),
    ...(payload.customer.email ? { email: payload.customer.email } : {}),
  })
  if (named) redacted.add(named)
  for (const customerId of await customersOfOrders(trx, shop.storeId, payload.orders_to_redact)) {
    if (redacted.has(customerId)) continue
    if (await redactCustomer(trx, shop.storeId, { customerId })) redacted.add(customerId)
  }
  return redacted.size > 0 ? 'customer-redacted' : 'customer-unknown'
})
