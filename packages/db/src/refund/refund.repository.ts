import type { Refund } from '@crosswise/domain'
import type { Db } from '../database.ts'
import { orderFactCall, recordOrderFact, type OrderFactCall, type RecordedOrderFact } from '../order/order-fact-recording.ts'

/** What recording a refund did. */
export type RecordedRefund = RecordedOrderFact

/**
 * The call that stores a refund (migration 0022's `record_refund`): stored even before its order is
 * known, its `orderRefunded` dispatch enqueued once the order is. Idempotent on (store, refund id).
 */
export function recordRefundCall(storeId: string, refund: Refund): OrderFactCall {
  return orderFactCall('refund', storeId, refund.orderId, {
    id: refund.refundId,
    at: refund.refundedAt.toISOString(),
    amount: refund.amount,
    said: refund.full ?? null,
  })
}

/** Stores a refund (see {@link recordRefundCall}) in one statement, on the pool or in the caller's transaction. */
export async function recordRefund(db: Db, storeId: string, refund: Refund): Promise<RecordedRefund> {
  return recordOrderFact(db, recordRefundCall(storeId, refund))
}
