import { recordDelivery, recordFulfillmentCall, takeInDeliveryWithCall } from '@crosswise/db'
import { shopifyFulfillmentSchema, toFulfillment } from './shopify-order.ts'
import { singleStatementHandler } from './topic.ts'

/**
 * `fulfillments/create`: a shipment, in one statement with the delivery. Stored even when its order
 * has not arrived yet; its journey hears of it right after the order's `orderPlaced`.
 */
export const fulfillmentsCreate = singleStatementHandler(shopifyFulfillmentSchema, async (db, delivery, payload) => {
  const fulfillment = toFulfillment(payload)
  if (!fulfillment) return recordDelivery(db, delivery, `ignored-fulfilment-status:${payload.status}`)
  return takeInDeliveryWithCall(db, delivery, recordFulfillmentCall(delivery.storeId, fulfillment), {
    recorded: 'fulfilment-recorded',
    waiting: 'fulfilment-waiting-for-order',
    known: 'fulfilment-known',
  })
})
