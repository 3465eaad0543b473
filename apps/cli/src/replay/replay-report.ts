import { getStore, type Db } from '@crosswise/db'
import { isHeldOut } from '@crosswise/domain'
import { sql } from 'kysely'
import type { RecordedOrder } from './recorded-orders.ts'

/** What became of a replay's customers: who could be emailed, who was, and whether any send broke a rule. */
export interface ReplayReport {
  customers: number
  /** Customers with a replayed order that was fulfilled. */
  fulfilled: number
  /** Of those, customers in the store's holdout (never emailed, by design). */
  heldOut: number
  /** Fulfilled customers outside the holdout: each should get an email. */
  eligible: number
  /** Eligible customers who got at least one. */
  emailed: number
  /** `emailed / eligible`. */
  emailedShare: number
  /** Ledger rows of the replay's customers by status (`sent`, `held-out`, `no-consent`, …). */
  ledger: Record<string, number>
  /** Emails by the source of their pick. */
  sources: Record<string, number>
  /**
   * Emails that recommended a product the customer was known to own when the send was decided (an
   * order recorded before its ledger row); an order still in flight then is a race no send can see.
   */
  ownedRecommended: number
  /** Emails sent earlier than their trigger order's fulfilment plus the store's shortest segment delay. */
  sentTooSoon: number
}

/**
 * Reads the outcome of a replay from the store's own records: the ledger, its orders and fulfilments.
 * `fulfilledOrderIds` are the store's order ids (the Shopify ids) of replayed orders that were fulfilled.
 */
export async function replayReport(
  db: Db,
  storeId: string,
  replayed: readonly RecordedOrder[],
  fulfilledOrderIds: ReadonlySet<string>,
): Promise<ReplayReport> {
  const store = await getStore(db, storeId)
  if (!store) throw new Error(`store '${storeId}' does not exist`)
  const customers = [...new Set(replayed.map((order) => order.customerId))]
  const fulfilledCustomers = new Set(
    (
      await db
        .selectFrom('orders')
        .select('customer_id')
        .where('store_id', '=', storeId)
        .where('id', 'in', [...fulfilledOrderIds, ''])
        .execute()
    ).map((row) => row.customer_id),
  )
  const heldOut = [...fulfilledCustomers].filter((customerId) => isHeldOut(storeId, customerId, store.policy.holdoutShare))
  const eligible = [...fulfilledCustomers].filter((customerId) => !heldOut.includes(customerId))
  const rows = await db
    .selectFrom('journey_sends')
    .select(['customer_id', 'status', 'pairing_source'])
    .where('store_id', '=', storeId)
    .where('customer_id', 'in', [...customers, ''])
    .execute()
  const ledger: Record<string, number> = {}
  const sources: Record<string, number> = {}
  const emailed = new Set<string>()
  for (const row of rows) {
    ledger[row.status] = (ledger[row.status] ?? 0) + 1
    if (row.status !== 'sent') continue
    emailed.add(row.customer_id)
    sources[row.pairing_source ?? 'unknown'] = (sources[row.pairing_source ?? 'unknown'] ?? 0) + 1
  }
  const shortestDelayMs = Math.min(...Object.values(store.policy.delayMs))
  const checks = await sql<{ owned: string; too_soon: string }>`
    select
      count(*) filter (where exists (
        select 1 from orders o join order_lines l on l.store_id = o.store_id and l.order_id = o.id
        where o.store_id = s.store_id and o.customer_id = s.customer_id and o.created_at < s.created_at
          and o.cancelled_at is null and s.product_ids ? l.product_id)) as owned,
      count(*) filter (where s.sent_at < (
        select min(f.fulfilled_at) from fulfillments f where f.store_id = s.store_id and f.order_id = s.order_id
      ) + make_interval(secs => ${shortestDelayMs / 1000})) as too_soon
    from journey_sends s
    where s.store_id = ${storeId} and s.status = 'sent' and s.customer_id = any(${customers}::text[])`.execute(db)
  const eligibleEmailed = eligible.filter((customerId) => emailed.has(customerId)).length
  return {
    customers: customers.length,
    fulfilled: fulfilledCustomers.size,
    heldOut: heldOut.length,
    eligible: eligible.length,
    emailed: eligibleEmailed,
    emailedShare: eligible.length === 0 ? 0 : eligibleEmailed / eligible.length,
    ledger,
    sources,
    ownedRecommended: Number(checks.rows[0]!.owned),
    sentTooSoon: Number(checks.rows[0]!.too_soon),
  }
}
