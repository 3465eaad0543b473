import { eventKey, journeyWorkflowId } from '@crosswise/domain'
import { sql, type RawBuilder } from 'kysely'

/**
 * The last arguments of `record_order`, `record_fulfillment` and `record_refund` (migration 0022):
 * the key of the order's own `orderPlaced` dispatch, and what the keys and journey id of its facts'
 * dispatches begin with. The formats stay defined by `eventKey` and `journeyWorkflowId`, whose ids end
 * with the id they are given.
 */
export function orderFactKeys(storeId: string, orderId: string): RawBuilder<unknown> {
  return sql`${eventKey('order', storeId, orderId)}, ${journeyWorkflowId(storeId, '')}, ${eventKey('fulfillment', storeId, '')}, ${eventKey('refund', storeId, '')}`
}
