import { exportCustomerData } from '@crosswise/db'
import { z } from 'zod'
import { optionalEmailSchema, shopifyIdSchema } from './shopify-fields.ts'
import { topicHandler } from './topic.ts'

/** The GDPR `customers/data_request` payload: whose data the store must hand over. */
export const shopifyDataRequestSchema = z.object({
  customer: z.object({ id: shopifyIdSchema.nullish(), email: optionalEmailSchema }),
  data_request: z.object({ id: shopifyIdSchema }).optional(),
})

/**
 * `customers/data_request`: a customer asked the store for their data. Shopify expects the app to
 * give it to the store; the delivery's outcome says whether we hold any, and the store fetches the
 * export with `GET /v1/admin/stores/{storeId}/customers/export?customerId=…` (or `?email=`).
 */
export const customersDataRequest = topicHandler(shopifyDataRequestSchema, async (trx, payload, shop) => {
  const data = await exportCustomerData(trx, shop.storeId, {
    ...(payload.customer.id ? { customerId: payload.customer.id } : {}),
    ...(payload.customer.email ? { email: payload.customer.email } : {}),
  })
  // The outcome is kept with the delivery: it names no one.
  return data ? 'data-request-ready' : 'customer-unknown'
})
