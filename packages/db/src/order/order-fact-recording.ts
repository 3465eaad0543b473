import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../database.ts'
import { orderFactKeys } from './order-fact-keys.ts'
import { orderLockKey } from './order-lock.ts'

/** What `record_fulfillment` and `record_refund` answer: stored, stored to wait for its order, or known. */
export type OrderFactOutcome = 'recorded' | 'waiting' | 'known'

/** A call of `record_fulfillment` or `record_refund` (migration 0022), as a FROM item. */
export type OrderFactCall = RawBuilder<{ code: OrderFactOutcome; order_known: boolean }>

/** What recording a fulfilment or refund did. */
export interface RecordedOrderFact {
  /** The fact was already stored: nothing changed. */
  duplicate: boolean
  /** Its order is not stored yet: the fact waits and is announced when the order arrives. */
  waitingForOrder: boolean
}

/** The call that stores a fulfilment or refund of an order, given the fact as its function reads it. */
export function orderFactCall(kind: 'fulfillment' | 'refund', storeId: string, orderId: string, fact: object): OrderFactCall {
  return sql`${sql.raw(`record_${kind}`)}(${storeId}, ${orderLockKey(storeId, orderId)}, ${JSON.stringify({ ...fact, orderId })}::jsonb,
    ${orderFactKeys(storeId, orderId)})`
}

/** Runs a fact's call in one statement, on the pool or in the caller's transaction. */
export async function recordOrderFact(db: Db, call: OrderFactCall): Promise<RecordedOrderFact> {
  const { rows } = await sql<{ code: OrderFactOutcome; order_known: boolean }>`select code, order_known from ${call}`.execute(db)
  return { duplicate: rows[0]!.code === 'known', waitingForOrder: !rows[0]!.order_known }
}
