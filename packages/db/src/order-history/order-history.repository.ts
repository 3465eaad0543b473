import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** One line of a store's past order, as mining reads it. */
export interface HistoryLine {
  orderId: string
  customerId: string
  productId: string
  /** The catalogue's current title and category, else the order line's own. */
  title: string
  category: string | null
  quantity: number
  /** Decimal string, major units. */
  unitPrice: string
  placedAt: Date
}

/** Options of {@link readOrderHistory}. */
export interface HistoryReadOptions {
  /** Lines per query (default 20,000): one page in memory at a time. */
  pageLines?: number
  /** Told the orders read so far after each page. */
  onPage?: (orders: number) => void
}

/** The store's orders that mining learns from: every live order, imported history included. */
export async function countHistoryOrders(db: Db, storeId: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select(sql<string>`count(*)`.as('orders'))
    .where('store_id', '=', storeId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.orders)
}

/**
 * Hands every line of the store's live orders to `visit`, the lines of one order one after the
 * other, page by page in (order id, line number) order, so a history of millions of lines never sits
 * in memory as rows. Cancelled orders are left out. Returns the orders read.
 */
export async function readOrderHistory(
  db: Db,
  storeId: string,
  visit: (line: HistoryLine) => void,
  options: HistoryReadOptions = {},
): Promise<number> {
  const pageLines = options.pageLines ?? 20_000
  let after: { orderId: string; lineNo: number } | undefined
  let orders = 0
  let lastOrder: string | undefined
  for (;;) {
    let query = db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', (join) => join.onRef('o.store_id', '=', 'l.store_id').onRef('o.id', '=', 'l.order_id'))
      .leftJoin('products as p', (join) => join.onRef('p.store_id', '=', 'l.store_id').onRef('p.id', '=', 'l.product_id'))
      .select([
        'l.order_id',
        'l.line_no',
        'l.product_id',
        'l.quantity',
        'l.unit_price',
        'o.customer_id',
        'o.placed_at',
        sql<string>`coalesce(p.title, l.title)`.as('title'),
        sql<string | null>`coalesce(p.category, l.category)`.as('category'),
      ])
      .where('l.store_id', '=', storeId)
      .where('o.cancelled_at', 'is', null)
      .orderBy('l.order_id')
      .orderBy('l.line_no')
      .limit(pageLines)
    // The whole primary key in the row comparison, so the next page starts with an index seek.
    if (after) query = query.where(sql<boolean>`(l.store_id, l.order_id, l.line_no) > (${storeId}, ${after.orderId}, ${after.lineNo})`)
    const rows = await query.execute()
    for (const row of rows) {
      if (row.order_id !== lastOrder) {
        orders++
        lastOrder = row.order_id
      }
      visit({
        orderId: row.order_id,
        customerId: row.customer_id,
        productId: row.product_id,
        title: row.title,
        category: row.category,
        quantity: row.quantity,
        unitPrice: row.unit_price,
        placedAt: row.placed_at,
      })
    }
    options.onPage?.(orders)
    const last = rows.at(-1)
    if (!last || rows.length < pageLines) return orders
    after = { orderId: last.order_id, lineNo: last.line_no }
  }
}
