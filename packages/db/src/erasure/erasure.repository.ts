import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** Temporal executions to delete: one journey, or all of an erased store's (`workflowId` undefined). */
export interface JourneyErasure {
  id: string
  storeId: string
  workflowId?: string
  attempts: number
}

/** Erasures due now, oldest first. */
export async function dueErasures(db: Db, limit: number): Promise<JourneyErasure[]> {
  const rows = await db
    .selectFrom('journey_erasures')
    .select(['id', 'store_id', 'workflow_id', 'attempts'])
    .where('available_at', '<=', sql<Date>`now()`)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    storeId: row.store_id,
    ...(row.workflow_id === null ? {} : { workflowId: row.workflow_id }),
    attempts: row.attempts,
  }))
}

/** Temporal holds none of the erasure's executions any more: the row, the last trace of its ids, goes. */
export async function finishErasure(db: Db, id: string): Promise<void> {
  await db.deleteFrom('journey_erasures').where('id', '=', id).execute()
}

/** Looks again after `delayMs`: deletions were requested and are still running, or a call failed (`error`). */
export async function postponeErasure(db: Db, id: string, delayMs: number, error?: string): Promise<void> {
  await db
    .updateTable('journey_erasures')
    .set({
      attempts: error === undefined ? sql<number>`attempts` : sql<number>`attempts + 1`,
      available_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})`,
      last_error: error?.slice(0, 2_000) ?? null,
    })
    .where('id', '=', id)
    .execute()
}

/** Erasures still waiting, for tests and the operator. */
export async function countErasures(db: Db): Promise<number> {
  const row = await db.selectFrom('journey_erasures').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
