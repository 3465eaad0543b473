import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** How one journey run ended, as the outcome recorder writes it. */
export interface JourneyOutcomeRecord {
  runId: string
  storeId: string
  customerId: string
  triggerOrderId?: string
  segment?: string
  outcome: string
  emailsSent: number
  pairingIds: string[]
  startedAt: Date
  closedAt: Date
}

/**
 * Takes the outcome recorder's lease for `leaseMs` unless another recorder holds it; answers up to
 * when closed runs were recorded (the epoch before the first round), or undefined when leased.
 */
export async function takeOutcomeLease(db: Db, leaseMs: number): Promise<{ recordedUntil: Date } | undefined> {
  await db
    .insertInto('journey_outcome_mark')
    .values({ recorded_until: new Date(0), leased_until: new Date(0) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  const row = await db
    .updateTable('journey_outcome_mark')
    .set({ leased_until: sql<Date>`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where('leased_until', '<', sql<Date>`now()`)
    .returning('recorded_until')
    .executeTakeFirst()
  return row ? { recordedUntil: row.recorded_until } : undefined
}

/** Moves the mark forward to `recordedUntil` (never back) and gives the lease up. */
export async function releaseOutcomeLease(db: Db, recordedUntil: Date | undefined): Promise<void> {
  await db
    .updateTable('journey_outcome_mark')
    .set({
      ...(recordedUntil ? { recorded_until: sql<Date>`greatest(recorded_until, ${recordedUntil})` } : {}),
      leased_until: sql<Date>`now()`,
    })
    .execute()
}

/** Which of these runs already have their outcome recorded. */
export async function recordedOutcomeRunIds(db: Db, runIds: readonly string[]): Promise<Set<string>> {
  if (runIds.length === 0) return new Set()
  const rows = await db.selectFrom('journey_outcomes').select('run_id').where('run_id', 'in', runIds).execute()
  return new Set(rows.map((row) => row.run_id))
}

/**
 * Records outcomes; a run recorded before keeps its row. A run of a customer who is no longer there
 * (redacted or erased since) is not recorded: their ids must not come back.
 */
export async function recordJourneyOutcomes(db: Db, outcomes: readonly JourneyOutcomeRecord[]): Promise<void> {
  if (outcomes.length === 0) return
  const rows = outcomes.map((outcome) => ({
    run_id: outcome.runId,
    store_id: outcome.storeId,
    customer_id: outcome.customerId,
    trigger_order_id: outcome.triggerOrderId ?? null,
    segment: outcome.segment ?? null,
    outcome: outcome.outcome,
    emails_sent: outcome.emailsSent,
    pairing_ids: outcome.pairingIds,
    started_at: outcome.startedAt.toISOString(),
    closed_at: outcome.closedAt.toISOString(),
  }))
  await sql`
    insert into journey_outcomes (run_id, store_id, customer_id, trigger_order_id, segment, outcome, emails_sent, pairing_ids, started_at, closed_at)
    select r.run_id, r.store_id, r.customer_id, r.trigger_order_id, r.segment, r.outcome, r.emails_sent, r.pairing_ids, r.started_at, r.closed_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
      run_id text, store_id text, customer_id text, trigger_order_id text, segment text, outcome text,
      emails_sent integer, pairing_ids jsonb, started_at timestamptz, closed_at timestamptz)
    where exists (select 1 from customers c where c.store_id = r.store_id and c.id = r.customer_id)
    on conflict (run_id) do nothing`.execute(db)
}

/** How many of a store's journey runs closed since `since` ended each way, the most common first. */
export async function countJourneyOutcomes(db: Db, storeId: string, since: Date): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('journey_outcomes')
    .select(['outcome', (eb) => eb.fn.countAll<string>().as('runs')])
    .where('store_id', '=', storeId)
    .where('closed_at', '>=', since)
    .groupBy('outcome')
    .orderBy('runs', 'desc')
    .orderBy('outcome')
    .execute()
  return Object.fromEntries(rows.map((row) => [row.outcome, Number(row.runs)]))
}
