import type { Fulfillment } from '@crosswise/domain'
import type { Db } from '../database.ts'
import { orderFactCall, recordOrderFact, type OrderFactCall, type RecordedOrderFact } from '../order/order-fact-recording.ts'

/** What recording a fulfilment did. */
export type RecordedFulfillment = RecordedOrderFact

/**
 * The call that stores a fulfilment (migration 0022's `record_fulfillment`): stored even before its
 * order is known, its `orderFulfilled` dispatch enqueued once the order is. Idempotent on (store,
 * fulfilment id).
 */
export function recordFulfillmentCall(storeId: string, fulfillment: Fulfillment): OrderFactCall {
  return orderFactCall('fulfillment', storeId, fulfillment.orderId, {
    id: fulfillment.fulfillmentId,
    at: fulfillment.fulfilledAt.toISOString(),
    said: fulfillment.complete ?? null,
    lineItems: fulfillment.lineItems ?? [],
  })
}

/** Stores a fulfilment (see {@link recordFulfillmentCall}) in one statement, on the pool or in the caller's transaction. */
export async function recordFulfillment(db: Db, storeId: string, fulfillment: Fulfillment): Promise<RecordedFulfillment> {
  return recordOrderFact(db, recordFulfillmentCall(storeId, fulfillment))
}
