import type { Refund } from '@crosswise/domain'
import { sql, type Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { orderFactKeys } from '../order/order-fact-keys.ts'
import { recordOrderFact, type OrderFactCall, type OrderFactOutcome, type RecordedOrderFact } from '../order/order-fact-recording.ts'
import { orderLockKey } from '../order/order-lock.ts'
import { takeInDeliveryWithCall, type WebhookDelivery } from '../webhook-delivery/webhook-delivery.repository.ts'

/** What recording a refund did. */
export type RecordedRefund = RecordedOrderFact

/**
 * The call that stores a refund (migration 0022's `record_refund`): stored even before its order is
 * known, its `orderRefunded` dispatch enqueued once the order is. Idempotent on (store, refund id).
 */
function recordRefundCall(storeId: string, refund: Refund): OrderFactCall {
  const fact = {
    id: refund.refundId,
    orderId: refund.orderId,
    at: refund.refundedAt.toISOString(),
    amount: refund.amount,
    said: refund.full ?? null,
  }
  return sql`record_refund(${storeId}, ${orderLockKey(storeId, refund.orderId)}, ${JSON.stringify(fact)}::jsonb,
    ${orderFactKeys(storeId, refund.orderId)})`
}

/** Stores a refund (see {@link recordRefundCall}) in one statement, on the pool or in the caller's transaction. */
export async function recordRefund(db: Kysely<Database>, storeId: string, refund: Refund): Promise<RecordedRefund> {
  return recordOrderFact(db, recordRefundCall(storeId, refund))
}

/** A webhook delivery of a refund, taken in with one statement (see `takeInDeliveryWithCall`). */
export async function takeInRefundDelivery(
  db: Db,
  delivery: WebhookDelivery,
  refund: Refund,
  outcomes: Readonly<Record<OrderFactOutcome, string>>,
): Promise<string | undefined> {
  return takeInDeliveryWithCall(db, delivery, recordRefundCall(delivery.storeId, refund), outcomes)
}
