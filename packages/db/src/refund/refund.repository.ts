import type { Refund } from '@crosswise/domain'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import type { OrderFactOutcome } from '../fulfillment/fulfillment.repository.ts'
import { orderFactKeys } from '../order/order-fact-keys.ts'
import { orderLockKey } from '../order/order-lock.ts'
import { takeInDeliveryWithCall, type WebhookDelivery } from '../webhook-delivery/webhook-delivery.repository.ts'

/** What recording a refund did. */
export interface RecordedRefund {
  /** The refund was already stored: nothing changed. */
  duplicate: boolean
  /** Its order is not stored yet: the refund waits and is announced when the order arrives. */
  waitingForOrder: boolean
}

/**
 * The call that stores a refund (migration 0022's `record_refund`), as a FROM item: stored even
 * before its order is known, its `orderRefunded` dispatch enqueued once the order is. Idempotent on
 * (store, refund id).
 */
function recordRefundCall(storeId: string, refund: Refund): RawBuilder<{ code: OrderFactOutcome; order_known: boolean }> {
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
  const { rows } = await sql<{ code: OrderFactOutcome; order_known: boolean }>`
    select code, order_known from ${recordRefundCall(storeId, refund)}`.execute(db)
  return { duplicate: rows[0]!.code === 'known', waitingForOrder: !rows[0]!.order_known }
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
