import type { Fulfillment } from '@crosswise/domain'
import type { Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { announceOrderFacts, isOrderStored } from '../order/order-announcements.ts'
import { lockedOrderId } from '../order/order-lock.ts'

/** What recording a fulfilment did. */
export interface RecordedFulfillment {
  /** The fulfilment was already stored: nothing changed. */
  duplicate: boolean
  /** Its order is not stored yet: the fulfilment waits and is announced when the order arrives. */
  waitingForOrder: boolean
}

/**
 * Stores a fulfilment in the caller's transaction, even before its order is known, and enqueues its
 * `orderFulfilled` dispatch once the order is. Idempotent on (store, fulfilment id).
 */
export async function recordFulfillment(
  trx: Transaction<Database>,
  storeId: string,
  fulfillment: Fulfillment,
): Promise<RecordedFulfillment> {
  const inserted = await trx
    .insertInto('fulfillments')
    .values({
      store_id: storeId,
      id: fulfillment.fulfillmentId,
      // Locked in this statement: the reads that follow see whatever the lock's last holder stored.
      order_id: lockedOrderId(storeId, fulfillment.orderId),
      fulfilled_at: fulfillment.fulfilledAt,
      complete: fulfillment.complete ?? null,
      line_items: JSON.stringify(fulfillment.lineItems ?? []),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  const orderKnown = inserted
    ? (await announceOrderFacts(trx, storeId, fulfillment.orderId)).orderKnown
    : await isOrderStored(trx, storeId, fulfillment.orderId)
  return { duplicate: !inserted, waitingForOrder: !orderKnown }
}
