import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../database.ts'

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

/** Runs a fact's call in one statement, on the pool or in the caller's transaction. */
export async function recordOrderFact(db: Kysely<Database>, call: OrderFactCall): Promise<RecordedOrderFact> {
  const { rows } = await sql<{ code: OrderFactOutcome; order_known: boolean }>`select code, order_known from ${call}`.execute(db)
  return { duplicate: rows[0]!.code === 'known', waitingForOrder: !rows[0]!.order_known }
}
