import type { Fulfillment } from '@crosswise/domain'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import { orderFactKeys } from '../order/order-fact-keys.ts'
import { orderLockKey } from '../order/order-lock.ts'
import { takeInDeliveryWithCall, type WebhookDelivery } from '../webhook-delivery/webhook-delivery.repository.ts'

/** What recording a fulfilment did. */
export interface RecordedFulfillment {
  /** The fulfilment was already stored: nothing changed. */
  duplicate: boolean
  /** Its order is not stored yet: the fulfilment waits and is announced when the order arrives. */
  waitingForOrder: boolean
}

/** What `record_fulfillment` and `record_refund` answer: stored, stored to wait for its order, or known. */
export type OrderFactOutcome = 'recorded' | 'waiting' | 'known'

/**
 * The call that stores a fulfilment (migration 0022's `record_fulfillment`), as a FROM item: stored
 * even before its order is known, its `orderFulfilled` dispatch enqueued once the order is.
 * Idempotent on (store, fulfilment id).
 */
function recordFulfillmentCall(storeId: string, fulfillment: Fulfillment): RawBuilder<{ code: OrderFactOutcome; order_known: boolean }> {
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
  const { rows } = await sql<{ code: OrderFactOutcome; order_known: boolean }>`
    select code, order_known from ${recordFulfillmentCall(storeId, fulfillment)}`.execute(db)
  return { duplicate: rows[0]!.code === 'known', waitingForOrder: !rows[0]!.order_known }
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
