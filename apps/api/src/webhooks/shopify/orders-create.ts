import { recordDelivery, takeInOrderDelivery } from '@crosswise/db'
import { shopifyOrderSchema, toOrder } from './shopify-order.ts'
import { singleStatementHandler } from './topic.ts'

/**
 * `orders/create` and `orders/paid`: records the order and starts or restarts the customer's
 * journey, in one statement with the delivery. Whichever of the two arrives first records it; the
 * other only refreshes its status, unless a later-triggered delivery already set it.
 */
export const ordersCreate = singleStatementHandler(shopifyOrderSchema, async (db, delivery, payload) => {
  const order = toOrder(payload)
  if (!order) return recordDelivery(db, delivery, 'ignored-no-customer-email')
  return takeInOrderDelivery(db, delivery, order, {
    recorded: 'order-recorded',
    known: 'order-known',
    stale: 'order-status-stale',
    erased: 'customer-erased',
  })
})
