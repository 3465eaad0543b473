import { recordFulfillment, recordOrder } from '@crosswise/db'
import { shopifyOrderSchema, toFulfillment, toOrder } from './shopify-order.ts'
import { topicHandler } from './topic.ts'

/**
 * `orders/fulfilled` and `orders/partially_fulfilled`: the order with its fulfilments. Records the
 * order if this is the first we hear of it, then each shipment in it; a shipment already taken in
 * through `fulfillments/create` has the same id and is not announced twice.
 */
export const ordersFulfilled = topicHandler(shopifyOrderSchema, async (trx, payload, shop) => {
  const order = toOrder(payload)
  if (!order) return 'ignored-no-customer-email'
  if ((await recordOrder(trx, shop.storeId, order, 'shopify', shop.triggeredAt)).erased) return 'customer-erased'
  let recorded = 0
  for (const shipment of payload.fulfillments) {
    const fulfillment = toFulfillment(shipment)
    if (fulfillment && !(await recordFulfillment(trx, shop.storeId, fulfillment)).duplicate) recorded++
  }
  return recorded > 0 ? `fulfilments-recorded:${recorded}` : 'fulfilments-known'
})
