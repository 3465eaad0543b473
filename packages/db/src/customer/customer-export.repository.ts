import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../database.ts'
import { matchesCustomer, type CustomerTarget } from './customer-match.ts'

/** Everything Crosswise holds about one customer of a store, as rows: what a data request hands over. */
export interface CustomerDataExport {
  customer: Record<string, unknown>
  orders: Array<Record<string, unknown>>
  orderLines: Array<Record<string, unknown>>
  emails: Array<Record<string, unknown>>
  engagement: Array<Record<string, unknown>>
  conversions: Array<Record<string, unknown>>
  holdout: Array<Record<string, unknown>>
  /** Dry-run emails, as Klaviyo would have received them. */
  outbox: Array<Record<string, unknown>>
}

/**
 * The data of one customer of a store (found by id, the account a guest later got, or email), for a GDPR data request
 * (Shopify's `customers/data_request`, or the admin API): their profile, orders and lines, every
 * email of the send ledger with the opens and clicks seen, conversions, holdout assignments and
 * dry-run events. Undefined for a customer the store does not have.
 */
export async function exportCustomerData(
  db: Kysely<Database>,
  storeId: string,
  target: CustomerTarget,
): Promise<CustomerDataExport | undefined> {
  if (target.customerId === undefined && target.email === undefined) return undefined
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('store_id', '=', storeId)
    .where((eb) => matchesCustomer(eb, target))
    .limit(1)
    .executeTakeFirst()
  if (!customer) return undefined
  const rowsOf = async (query: RawBuilder<Record<string, unknown>>) => (await query.execute(db)).rows
  const id = customer.id
  const [orders, orderLines, emails, engagement, conversions, holdout, outbox] = await Promise.all([
    rowsOf(sql`select * from orders where store_id = ${storeId} and customer_id = ${id} order by placed_at`),
    rowsOf(sql`select l.* from order_lines l join orders o on o.store_id = l.store_id and o.id = l.order_id
               where o.store_id = ${storeId} and o.customer_id = ${id} order by l.order_id, l.line_no`),
    rowsOf(sql`select * from journey_sends where store_id = ${storeId} and customer_id = ${id} order by created_at`),
    rowsOf(sql`select e.* from send_engagements e join journey_sends s on s.send_key = e.send_key
               where s.store_id = ${storeId} and s.customer_id = ${id} order by e.occurred_at`),
    rowsOf(sql`select * from journey_conversions where store_id = ${storeId} and customer_id = ${id}`),
    rowsOf(sql`select * from holdout_assignments where store_id = ${storeId} and customer_id = ${id}`),
    rowsOf(sql`select * from klaviyo_outbox where store_id = ${storeId} and customer_id = ${id}`),
  ])
  return { customer, orders, orderLines, emails, engagement, conversions, holdout, outbox }
}
