import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../database.ts'

/**
 * Serialises, until the transaction ends, everything recorded about one order. An order and a
 * fulfilment of it arriving at the same moment would otherwise each miss the other (neither sees the
 * other's uncommitted row) and the fulfilment would never be announced. Under READ COMMITTED every
 * statement after the lock sees what the previous holder committed.
 */
export async function lockOrder(trx: Transaction<Database>, storeId: string, orderId: string): Promise<void> {
  await sql`select ${orderLock(storeId, orderId)}`.execute(trx)
}

/** The expression that takes `lockOrder`'s lock, for a statement that does other work as well. */
export function orderLock(storeId: string, orderId: string): RawBuilder<unknown> {
  return sql`pg_advisory_xact_lock(hashtextextended(${orderLockKey(storeId, orderId)}, 0))`
}

/** The text the order's lock is taken on, for the SQL functions that take it themselves. */
export function orderLockKey(storeId: string, orderId: string): string {
  return `order:${storeId}:${orderId}`
}
