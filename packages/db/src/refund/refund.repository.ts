import type { Refund } from '@crosswise/domain'
import type { Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { announceOrderFacts, isOrderStored } from '../order/order-announcements.ts'
import { lockedOrderId } from '../order/order-lock.ts'

/** What recording a refund did. */
export interface RecordedRefund {
  /** The refund was already stored: nothing changed. */
  duplicate: boolean
  /** Its order is not stored yet: the refund waits and is announced when the order arrives. */
  waitingForOrder: boolean
}

/**
 * Stores a refund in the caller's transaction, even before its order is known, and enqueues its
 * `orderRefunded` dispatch once the order is. Idempotent on (store, refund id).
 */
export async function recordRefund(trx: Transaction<Database>, storeId: string, refund: Refund): Promise<RecordedRefund> {
  const inserted = await trx
    .insertInto('refunds')
    .values({
      store_id: storeId,
      id: refund.refundId,
      // Locked in this statement: the reads that follow see whatever the lock's last holder stored.
      order_id: lockedOrderId(storeId, refund.orderId),
      refunded_at: refund.refundedAt,
      amount: refund.amount,
      full: refund.full ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  const orderKnown = inserted
    ? (await announceOrderFacts(trx, storeId, refund.orderId)).orderKnown
    : await isOrderStored(trx, storeId, refund.orderId)
  return { duplicate: !inserted, waitingForOrder: !orderKnown }
}
