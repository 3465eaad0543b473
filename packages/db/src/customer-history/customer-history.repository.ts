import type { JourneyPolicy, PastOrder } from '@crosswise/domain'
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { parseStorePolicy } from '../store/store-policy.ts'

/** What a journey needs to know about a customer and their store when it starts. */
export interface CustomerHistory {
  /** The store's journey policy, parsed (defaults filled). */
  storePolicy: JourneyPolicy
  storeTimeZone: string
  storeCurrency: string
  customerTimeZone: string | null
  email: string
  firstName: string | null
  redacted: boolean
  /** Every order of the customer (imported history included), for segmentation. */
  orders: PastOrder[]
}

/**
 * Loads a customer with their store and order history; undefined for an unknown customer. Throws
 * InvalidPolicyError when the store's policy does not parse.
 */
export async function loadCustomerHistory(db: Db, storeId: string, customerId: string): Promise<CustomerHistory | undefined> {
  // One statement: every journey reads this first. An order without lines counts as one unknown category.
  const { rows } = await sql<{
    email: string
    first_name: string | null
    time_zone: string | null
    redacted_at: Date | null
    policy: unknown
    store_time_zone: string
    currency: string
    orders: PastOrder[]
  }>`
    select c.email, c.first_name, c.time_zone, c.redacted_at, s.policy, s.time_zone as store_time_zone, s.currency,
      coalesce((select json_agg(json_build_object(
                  'total', o.total::text, 'cancelled', o.cancelled_at is not null,
                  'categories', coalesce((select json_agg(l.category) from order_lines l
                                          where l.store_id = o.store_id and l.order_id = o.id), '[null]'::json)))
                from orders o where o.store_id = c.store_id and o.customer_id = c.id), '[]') as orders
    from customers c join stores s on s.id = c.store_id
    where c.store_id = ${storeId} and c.id = ${customerId}`.execute(db)
  const customer = rows[0]
  if (!customer) return undefined
  return {
    storePolicy: parseStorePolicy(storeId, customer.policy),
    storeTimeZone: customer.store_time_zone,
    storeCurrency: customer.currency.trim(),
    customerTimeZone: customer.time_zone,
    email: customer.email,
    firstName: customer.first_name,
    redacted: customer.redacted_at !== null,
    orders: customer.orders,
  }
}

/** Where a customer's email goes: their address, whether they were erased, the store's currency. */
export interface CustomerContact {
  email: string
  redacted: boolean
  storeCurrency: string
}

/** An order as the journey sees it. */
export interface PlacedOrder {
  orderId: string
  placedAt: Date
  productIds: string[]
}

/** One line of an order as a journey reads it. */
export interface BoughtLine {
  productId: string
  title: string
  category: string | null
  /** Decimal string, major units. */
  unitPrice: string
}

/** The lines of one order, in line order. */
export async function orderLines(db: Db, storeId: string, orderId: string): Promise<BoughtLine[]> {
  const rows = await db
    .selectFrom('order_lines')
    .select(['product_id', 'title', 'category', 'unit_price'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute()
  return rows.map((row) => ({ productId: row.product_id, title: row.title, category: row.category, unitPrice: row.unit_price }))
}

/**
 * The store's own marketing flag for an address (true, false, or null when unknown); undefined when
 * no live customer has it (never known, or erased).
 */
export async function acceptsMarketing(db: Db, storeId: string, email: string): Promise<boolean | null | undefined> {
  const row = await db
    .selectFrom('customers')
    .select(['accepts_marketing', 'redacted_at'])
    .where('store_id', '=', storeId)
    .where('email', '=', email)
    .executeTakeFirst()
  if (!row || row.redacted_at !== null) return undefined
  return row.accepts_marketing
}
