import type { JourneyPolicy, PastOrder } from '@crosswise/domain'
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
  const customer = await db
    .selectFrom('customers as c')
    .innerJoin('stores as s', 's.id', 'c.store_id')
    .select(['c.email', 'c.first_name', 'c.time_zone', 'c.redacted_at', 's.policy', 's.time_zone as store_time_zone', 's.currency'])
    .where('c.store_id', '=', storeId)
    .where('c.id', '=', customerId)
    .executeTakeFirst()
  if (!customer) return undefined
  const lines = await db
    .selectFrom('orders as o')
    .leftJoin('order_lines as l', (join) => join.onRef('l.store_id', '=', 'o.store_id').onRef('l.order_id', '=', 'o.id'))
    .select(['o.id', 'o.total', 'o.cancelled_at', 'l.category'])
    .where('o.store_id', '=', storeId)
    .where('o.customer_id', '=', customerId)
    .execute()
  const orders = new Map<string, PastOrder & { categories: (string | null)[] }>()
  for (const line of lines) {
    let order = orders.get(line.id)
    if (!order) {
      order = { total: line.total, categories: [], cancelled: line.cancelled_at !== null }
      orders.set(line.id, order)
    }
    order.categories.push(line.category)
  }
  return {
    storePolicy: parseStorePolicy(storeId, customer.policy),
    storeTimeZone: customer.store_time_zone,
    storeCurrency: customer.currency.trim(),
    customerTimeZone: customer.time_zone,
    email: customer.email,
    firstName: customer.first_name,
    redacted: customer.redacted_at !== null,
    orders: [...orders.values()],
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

/** The customer's first order at or after a moment that bought one of some products, if any. */
export async function purchaseOfProductsSince(
  db: Db,
  storeId: string,
  customerId: string,
  productIds: readonly string[],
  since: Date,
): Promise<string | undefined> {
  if (productIds.length === 0) return undefined
  const row = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', (join) => join.onRef('o.store_id', '=', 'l.store_id').onRef('o.id', '=', 'l.order_id'))
    .select('o.id')
    .where('o.store_id', '=', storeId)
    .where('o.customer_id', '=', customerId)
    .where('o.placed_at', '>=', since)
    .where('o.cancelled_at', 'is', null)
    .where('l.product_id', 'in', productIds)
    .orderBy('o.placed_at')
    .limit(1)
    .executeTakeFirst()
  return row?.id
}
