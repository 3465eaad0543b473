import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** A journey that reached its point of sending, and what its customer did in the window after it. */
export interface HoldoutOutcomeRow {
  orderId: string
  customerId: string
  heldOut: boolean
  assignedAt: Date
  ordersInWindow: number
  /** Decimal strings, in the store's currency. */
  revenueInWindow: string
  nextOrderValue: string | null
  spendBefore: string
}

export interface HoldoutOutcomeQuery {
  /** Milliseconds after the point of sending in which a purchase counts. */
  windowMs: number
  /** Only journeys whose window has closed by then count, so both groups had the whole window. */
  asOf: Date
  /** Only journeys that reached their point of sending at or after this. */
  since?: Date
}

/**
 * Every holdout assignment of a store with a closed window, with the customer's orders in that window
 * (not cancelled, the trigger excluded) and their spend before the trigger order: the rows the holdout
 * lift is computed from. Both groups are counted from the assignment, the moment the journey would
 * have sent, so the comparison is intention-to-treat.
 */
export async function holdoutOutcomes(db: Db, storeId: string, query: HoldoutOutcomeQuery): Promise<HoldoutOutcomeRow[]> {
  const window = sql`make_interval(secs => ${query.windowMs / 1000})`
  const result = await sql<{
    order_id: string
    customer_id: string
    held_out: boolean
    assigned_at: Date
    orders_in_window: string
    revenue_in_window: string
    next_order_value: string | null
    spend_before: string
  }>`
    select h.order_id, h.customer_id, h.held_out, h.assigned_at,
           coalesce(after.orders, 0) as orders_in_window,
           coalesce(after.revenue, 0) as revenue_in_window,
           after.first_total as next_order_value,
           coalesce(before.spend, 0) as spend_before
    from holdout_assignments h
    join orders t on t.store_id = h.store_id and t.id = h.order_id
    left join lateral (
      select count(*) as orders, sum(o.total) as revenue,
             (array_agg(o.total order by o.placed_at, o.id))[1] as first_total
      from orders o
      where o.store_id = h.store_id and o.customer_id = h.customer_id and o.id <> h.order_id and o.cancelled_at is null
        and o.placed_at > h.assigned_at and o.placed_at <= h.assigned_at + ${window}
    ) after on true
    left join lateral (
      select sum(o.total) as spend
      from orders o
      where o.store_id = h.store_id and o.customer_id = h.customer_id and o.cancelled_at is null and o.placed_at < t.placed_at
    ) before on true
    where h.store_id = ${storeId}
      and h.assigned_at + ${window} <= ${query.asOf}
      and h.assigned_at >= ${query.since ?? new Date(0)}
    order by h.assigned_at, h.order_id`.execute(db)
  return result.rows.map((row) => ({
    orderId: row.order_id,
    customerId: row.customer_id,
    heldOut: row.held_out,
    assignedAt: row.assigned_at,
    ordersInWindow: Number(row.orders_in_window),
    revenueInWindow: String(row.revenue_in_window),
    nextOrderValue: row.next_order_value === null ? null : String(row.next_order_value),
    spendBefore: String(row.spend_before),
  }))
}
