import { assignVariant, experimentSchema, testsDelay, type Experiment, type ExperimentVariant, type VariantTotals } from '@crosswise/domain'
import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** An experiment with its life so far. */
export interface StoredExperiment {
  experiment: Experiment
  startedAt: Date
  stoppedAt: Date | null
  winner: string | null
}

/** Thrown when a store starts an experiment while another runs, or reuses an id. */
export class ExperimentConflictError extends Error {
  override name = 'ExperimentConflictError'
}

/** Starts an experiment; a store runs one at a time and never reuses an id (its sends keep it). */
export async function startExperiment(db: Db, storeId: string, experiment: Experiment): Promise<StoredExperiment> {
  try {
    const row = await db
      .insertInto('experiments')
      .values({ store_id: storeId, id: experiment.id, definition: JSON.stringify(experiment) })
      .returningAll()
      .executeTakeFirstOrThrow()
    return { experiment, startedAt: row.started_at, stoppedAt: null, winner: null }
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new ExperimentConflictError(`Store ${storeId} already runs an experiment or had one with id '${experiment.id}'`)
    throw error
  }
}

/** The store's running experiment, if any. */
export async function runningExperiment(db: Db, storeId: string): Promise<StoredExperiment | undefined> {
  const row = await db
    .selectFrom('experiments')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('stopped_at', 'is', null)
    .executeTakeFirst()
  return row && toStored(row)
}

/** What an order's emails go out as: the experiment they count in (if any) and the variant they show. */
export interface EmailVariant {
  experiment?: Experiment
  variant?: ExperimentVariant
}

/**
 * What the emails after one order go out as, in one query: the customer's variant of the store's
 * running experiment, else the variant the store promoted when its last experiment stopped (every
 * email goes out as it), else neither. An experiment that tests the delay takes in only orders that
 * arrived after it started, whose journeys could wait its delay; the others go out as before it.
 */
export async function emailVariant(db: Db, storeId: string, customerId: string, orderId: string): Promise<EmailVariant> {
  const row = await db
    .selectFrom('experiments as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .selectFrom('orders as o')
        .select('o.created_at')
        .whereRef('o.store_id', '=', 'e.store_id')
        .where('o.id', '=', orderId)
        .as('order_created_at'),
    )
    .where('e.store_id', '=', storeId)
    .orderBy(sql`e.stopped_at desc nulls first`)
    .limit(1)
    .executeTakeFirst()
  if (!row) return {}
  const { experiment } = toStored(row)
  if (row.stopped_at === null) {
    const joinedLate = !row.order_created_at || row.order_created_at < row.started_at
    return testsDelay(experiment) && joinedLate ? {} : { experiment, variant: assignVariant(experiment, customerId) }
  }
  const promoted = experiment.variants.find((variant) => variant.id === row.winner)
  return promoted ? { variant: promoted } : {}
}

/** One experiment of the store by id, running or stopped. */
export async function findExperiment(db: Db, storeId: string, id: string): Promise<StoredExperiment | undefined> {
  const row = await db.selectFrom('experiments').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst()
  return row && toStored(row)
}

/** Every experiment of the store, newest first. */
export async function listExperiments(db: Db, storeId: string): Promise<StoredExperiment[]> {
  const rows = await db.selectFrom('experiments').selectAll().where('store_id', '=', storeId).orderBy('started_at', 'desc').execute()
  return rows.map(toStored)
}

/** Stops the running experiment, keeping the variant promoted (or none); returns it, or undefined when none ran. */
export async function stopExperiment(db: Db, storeId: string, winner: string | null): Promise<StoredExperiment | undefined> {
  const row = await db
    .updateTable('experiments')
    .set({ stopped_at: sql<Date>`now()`, winner })
    .where('store_id', '=', storeId)
    .where('stopped_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
  return row && toStored(row)
}

/** An experiment's totals per variant, from the send ledger and the opens and clicks kept with it. */
export async function variantResults(db: Db, storeId: string, experimentId: string): Promise<VariantTotals[]> {
  const result = await sql<{
    variant_id: string
    sends: string
    opens: string
    clicks: string
    conversions: string
    revenue: string
    revenue_squares: string
  }>`
    select s.variant_id, count(*) as sends,
           count(*) filter (where engaged.opened or engaged.clicked) as opens,
           count(*) filter (where engaged.clicked) as clicks,
           count(c.send_key) as conversions,
           coalesce(sum(o.total), 0) as revenue,
           coalesce(sum(o.total * o.total), 0) as revenue_squares
    from journey_sends s
    left join journey_conversions c on c.send_key = s.send_key
    left join orders o on o.store_id = s.store_id and o.id = c.purchase_order_id
    cross join lateral (
      select coalesce(bool_or(e.kind = 'opened'), false) as opened, coalesce(bool_or(e.kind = 'clicked'), false) as clicked
      from send_engagements e where e.send_key = s.send_key
    ) engaged
    where s.store_id = ${storeId} and s.experiment_id = ${experimentId} and s.status = 'sent'
    group by s.variant_id
    order by s.variant_id`.execute(db)
  return result.rows.map((row) => ({
    variantId: row.variant_id,
    sends: Number(row.sends),
    opens: Number(row.opens),
    clicks: Number(row.clicks),
    conversions: Number(row.conversions),
    revenue: String(row.revenue),
    revenueSquares: Number(row.revenue_squares),
  }))
}

function toStored(row: { definition: unknown; started_at: Date; stopped_at: Date | null; winner: string | null }): StoredExperiment {
  return { experiment: experimentSchema.parse(row.definition), startedAt: row.started_at, stoppedAt: row.stopped_at, winner: row.winner }
}
