import { recordFulfillment } from '@crosswise/db'
import { shopifyFulfillmentSchema, toFulfillment } from './shopify-order.ts'
import { topicHandler } from './topic.ts'

/**
 * `fulfillments/create`: a shipment. Stored even when its order has not arrived yet; its journey
 * hears of it right after the order's `orderPlaced`.
 */
export const fulfillmentsCreate = topicHandler(shopifyFulfillmentSchema, async (trx, payload, shop) => {
  const fulfillment = toFulfillment(payload)
  if (!fulfillment) return `ignored-fulfilment-status:${payload.status}`
  const recorded = await recordFulfillment(trx, shop.storeId, fulfillment)
  if (recorded.duplicate) return 'fulfilment-known'
  return recorded.waitingForOrder ? 'fulfilment-waiting-for-order' : 'fulfilment-recorded'
})
