import { cancelOrder, recordOrder } from '@crosswise/db'
import { shopifyOrderSchema, toOrder } from './shopify-order.ts'
import { topicHandler } from './topic.ts'

/**
 * `orders/cancelled`: ends the order's journey. An order first heard of through its cancellation is
 * stored as cancelled and starts no journey.
 */
export const ordersCancelled = topicHandler(shopifyOrderSchema, async (trx, payload, shop) => {
  const order = toOrder(payload)
  if (!order) return 'ignored-no-customer-email'
  const recorded = await recordOrder(trx, shop.storeId, order, 'shopify', shop.triggeredAt)
  if (recorded.erased) return 'customer-erased'
  if (!recorded.duplicate) return order.cancelledAt ? 'cancelled-order-recorded' : 'order-recorded'
  // Shopify always sets cancelled_at on this topic; a payload without it cancels nothing.
  if (!order.cancelledAt) return 'order-known'
  const cancelled = await cancelOrder(trx, shop.storeId, { orderId: order.orderId, cancelledAt: order.cancelledAt })
  return cancelled.duplicate ? 'cancellation-known' : 'order-cancelled'
})
