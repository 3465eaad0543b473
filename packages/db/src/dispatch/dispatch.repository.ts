import { journeyEventSchema, type JourneyEvent } from '@crosswise/domain'
import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../database.ts'

/** Whose journey a recorded event goes to, and the event's key (unique: one dispatch per event). */
interface DispatchTarget {
  storeId: string
  customerId: string
  workflowId: string
  eventKey: string
}

/** A journey event to record for its journey. */
export type NewDispatch = DispatchTarget & JourneyEvent

/**
 * A recorded event waiting to reach its journey. `afterItsOrder`: the event is about an order whose
 * own announcement already reached the journey (a fulfilment, cancellation or refund that came later).
 */
export type Dispatch = NewDispatch & { id: string; attempts: number; afterItsOrder: boolean }

/** Adds a dispatch inside the caller's transaction; a second one with the same event key is ignored. */
export async function enqueueDispatch(trx: Transaction<Database>, dispatch: NewDispatch): Promise<void> {
  await enqueueDispatches(trx, [dispatch])
}

/**
 * Adds dispatches in one statement, in list order (their ids, and so their delivery order within a
 * journey, follow it); those whose event key is already recorded are ignored.
 */
export async function enqueueDispatches(trx: Transaction<Database>, dispatches: readonly NewDispatch[]): Promise<void> {
  if (dispatches.length === 0) return
  await trx
    .insertInto('dispatches')
    .values(
      dispatches.map((dispatch) => ({
        store_id: dispatch.storeId,
        customer_id: dispatch.customerId,
        workflow_id: dispatch.workflowId,
        kind: dispatch.signal,
        event_key: dispatch.eventKey,
        payload: JSON.stringify(dispatch.payload),
        last_error: null,
        dispatched_at: null,
      })),
    )
    .onConflict((oc) => oc.column('event_key').doNothing())
    .execute()
}

/** How one drain went. */
export interface DrainResult {
  delivered: number
  failed: number
}

export interface DrainOptions {
  limit: number
  /** Deliveries in flight at once; safe because a batch holds at most one dispatch per journey. */
  concurrency: number
  /** Delay before a failed dispatch is tried again, from its attempt count. */
  retryDelayMs: (attempts: number) => number
}

/**
 * Claims a batch of due dispatches (`FOR UPDATE SKIP LOCKED`, so several dispatchers share the
 * queue), hands each to `deliver`, and marks it done or schedules a retry. A journey's dispatches are
 * delivered in the order they were recorded: a row waits while an older one of its journey is pending.
 */
export async function drainDispatches(db: Db, options: DrainOptions, deliver: (dispatch: Dispatch) => Promise<void>): Promise<DrainResult> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('dispatches as d')
      .select(['d.id', 'd.store_id', 'd.customer_id', 'd.workflow_id', 'd.kind', 'd.event_key', 'd.payload', 'd.attempts'])
      .select(({ exists, selectFrom }) =>
        exists(
          selectFrom('dispatches as o')
            .select(sql`1`.as('one'))
            .where('o.kind', '=', 'orderPlaced')
            .where('o.status', '=', 'done')
            .whereRef('d.kind', '<>', 'o.kind')
            .where('o.event_key', '=', sql<string>`'order:' || d.store_id || ':' || (d.payload->>'orderId')`),
        ).as('after_its_order'),
      )
      .where('d.status', '=', 'pending')
      .where('d.available_at', '<=', sql<Date>`now()`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('dispatches as e')
              .select(sql`1`.as('one'))
              .whereRef('e.workflow_id', '=', 'd.workflow_id')
              .where('e.status', '=', 'pending')
              .whereRef('e.id', '<', 'd.id'),
          ),
        ),
      )
      .orderBy('d.id')
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute()

    const delivered: string[] = []
    let failed = 0
    let next = 0
    const work = async () => {
      while (next < rows.length) {
        const row = rows[next++]!
        try {
          // Parsed inside the try: a row that is no journey event fails alone and keeps its error.
          const event = journeyEventSchema.parse({ signal: row.kind, payload: row.payload })
          await deliver({
            id: row.id,
            storeId: row.store_id,
            customerId: row.customer_id,
            workflowId: row.workflow_id,
            eventKey: row.event_key,
            ...event,
            attempts: row.attempts,
            afterItsOrder: Boolean(row.after_its_order),
          })
          delivered.push(row.id)
        } catch (error) {
          failed++
          const delayMs = options.retryDelayMs(row.attempts + 1)
          await trx
            .updateTable('dispatches')
            .set({
              attempts: row.attempts + 1,
              available_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})`,
              last_error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
            })
            .where('id', '=', row.id)
            .execute()
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, work))
    if (delivered.length > 0) {
      await trx
        .updateTable('dispatches')
        .set({ status: 'done', dispatched_at: sql<Date>`now()` })
        .where('id', 'in', delivered)
        .execute()
    }
    return { delivered: delivered.length, failed }
  })
}

/** Counts dispatches by status, for health checks and tests. */
export async function countDispatches(db: Db, storeId?: string): Promise<{ pending: number; done: number }> {
  let query = db.selectFrom('dispatches').select(['status', db.fn.countAll<string>().as('count')])
  if (storeId !== undefined) query = query.where('store_id', '=', storeId)
  const rows = await query.groupBy('status').execute()
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0)
  return { pending: count('pending'), done: count('done') }
}
