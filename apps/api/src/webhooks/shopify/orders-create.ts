import { recordOrderIn } from '@crosswise/db'
import { shopifyOrderSchema, toOrder } from './shopify-order.ts'
import { topicHandler } from './topic.ts'

/**
 * `orders/create` and `orders/paid`: records the order and starts or restarts the customer's
 * journey. Whichever of the two arrives first records it; the other only refreshes its status, unless
 * a later-triggered delivery already set it.
 */
export const ordersCreate = topicHandler(shopifyOrderSchema, async (trx, payload, shop) => {
  const order = toOrder(payload)
  if (!order) return 'ignored-no-customer-email'
  const recorded = await recordOrderIn(trx, shop.storeId, order, 'shopify', shop.triggeredAt)
  if (recorded.erased) return 'customer-erased'
  if (!recorded.duplicate) return 'order-recorded'
  return recorded.staleStatus ? 'order-status-stale' : 'order-known'
})
