import type { Fulfillment } from '@crosswise/domain'
import { sql, type Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { orderFactKeys } from '../order/order-fact-keys.ts'
import { recordOrderFact, type OrderFactCall, type OrderFactOutcome, type RecordedOrderFact } from '../order/order-fact-recording.ts'
import { orderLockKey } from '../order/order-lock.ts'
import { takeInDeliveryWithCall, type WebhookDelivery } from '../webhook-delivery/webhook-delivery.repository.ts'

/** What recording a fulfilment did. */
export type RecordedFulfillment = RecordedOrderFact

/**
 * The call that stores a fulfilment (migration 0022's `record_fulfillment`): stored even before its
 * order is known, its `orderFulfilled` dispatch enqueued once the order is. Idempotent on (store,
 * fulfilment id).
 */
function recordFulfillmentCall(storeId: string, fulfillment: Fulfillment): OrderFactCall {
  const fact = {
    id: fulfillment.fulfillmentId,
    orderId: fulfillment.orderId,
    at: fulfillment.fulfilledAt.toISOString(),
    said: fulfillment.complete ?? null,
    lineItems: fulfillment.lineItems ?? [],
  }
  return sql`record_fulfillment(${storeId}, ${orderLockKey(storeId, fulfillment.orderId)}, ${JSON.stringify(fact)}::jsonb,
    ${orderFactKeys(storeId, fulfillment.orderId)})`
}

/** Stores a fulfilment (see {@link recordFulfillmentCall}) in one statement, on the pool or in the caller's transaction. */
export async function recordFulfillment(db: Kysely<Database>, storeId: string, fulfillment: Fulfillment): Promise<RecordedFulfillment> {
  return recordOrderFact(db, recordFulfillmentCall(storeId, fulfillment))
}

/** A webhook delivery of a fulfilment, taken in with one statement (see `takeInDeliveryWithCall`). */
export async function takeInFulfillmentDelivery(
  db: Db,
  delivery: WebhookDelivery,
  fulfillment: Fulfillment,
  outcomes: Readonly<Record<OrderFactOutcome, string>>,
): Promise<string | undefined> {
  return takeInDeliveryWithCall(db, delivery, recordFulfillmentCall(delivery.storeId, fulfillment), outcomes)
}
