import { orderTotal, type LineItem } from '@crosswise/domain'
import { sql } from 'kysely'
import { guestCustomerId, guestIdKey } from '../customer/guest-customer-id.ts'
import { placeholderEmail } from '../customer/placeholder-email.ts'
import { erasureTimes, subjectDigests } from '../customer/redacted-subject.ts'
import type { Db } from '../database.ts'

/** One historical order to import: who bought what, when. Never starts a journey. */
export interface HistoricalOrder {
  orderId: string
  /** The platform's customer id, the normalised email, or both; at least one. */
  customer: { id?: string; email?: string }
  currency: string
  placedAt: Date
  lineItems: Pick<LineItem, 'productId' | 'title' | 'category' | 'quantity' | 'unitPrice'>[]
}

/** What one import batch added; a re-import of the same rows adds zeros. */
export interface ImportCounts {
  orders: number
  lines: number
  customers: number
  products: number
}

/**
 * Imports a batch of historical orders in one transaction with set-based inserts (`unnest` arrays,
 * one statement per table), skipping orders, customers and products already stored, and orders placed
 * by someone the store had erased since (a history export from before the erasure). No dispatch is
 * written: history does not trigger journeys. The store must exist.
 */
export async function importOrderHistory(db: Db, storeId: string, batch: readonly HistoricalOrder[]): Promise<ImportCounts> {
  if (batch.length === 0) return { orders: 0, lines: 0, customers: 0, products: 0 }
  return db.transaction().execute(async (trx) => {
    const key = await guestIdKey(trx, storeId)
    const digests = batch.map((order) =>
      subjectDigests(storeId, { ids: order.customer.id === undefined ? [] : [order.customer.id], email: order.customer.email }, key),
    )
    const erasedAt = await erasureTimes(trx, storeId, digests.flat())
    const orders = batch.filter(
      (order, index) => !digests[index]!.some((digest) => (erasedAt.get(digest)?.getTime() ?? -Infinity) >= order.placedAt.getTime()),
    )
    if (orders.length === 0) return { orders: 0, lines: 0, customers: 0, products: 0 }
    const identity = (order: HistoricalOrder) => {
      const id = order.customer.id ?? guestCustomerId(storeId, order.customer.email!, key)
      return { id, email: order.customer.email ?? placeholderEmail(id) }
    }
    const wanted = new Map<string, string>()
    for (const order of orders) {
      const { id, email } = identity(order)
      if (!wanted.has(id)) wanted.set(id, email)
    }
    const customerIds = [...wanted.keys()]
    const customerEmails = [...wanted.values()]
    const insertedCustomers = await sql<{ id: string }>`
      insert into customers (store_id, id, email)
      select ${storeId}, id, email from unnest(${customerIds}::text[], ${customerEmails}::text[]) as c(id, email)
      on conflict do nothing
      returning id`.execute(trx)

    // As in live ingest, a customer id that is stored wins; otherwise the customer who owns the email
    // (a guest first, an account later, or the other way round) takes the order.
    const owners = await sql<{ id: string; email: string }>`
      select id, email from customers
      where store_id = ${storeId} and (id = any(${customerIds}::text[]) or email = any(${customerEmails}::text[]))`.execute(trx)
    const byId = new Set(owners.rows.map((row) => row.id))
    const byEmail = new Map(owners.rows.map((row) => [row.email, row.id]))
    const ownerOf = (order: HistoricalOrder): string => {
      const { id, email } = identity(order)
      return byId.has(id) ? id : (byEmail.get(email) ?? id)
    }

    const insertedOrders = await sql<{ id: string }>`
      insert into orders (store_id, id, customer_id, placed_at, currency, total, source)
      select ${storeId}, id, customer_id, placed_at, currency, total, 'import'
      from unnest(${orders.map((order) => order.orderId)}::text[], ${orders.map(ownerOf)}::text[],
                  ${orders.map((order) => order.placedAt.toISOString())}::timestamptz[],
                  ${orders.map((order) => order.currency)}::text[], ${orders.map(orderTotal)}::numeric[])
           as o(id, customer_id, placed_at, currency, total)
      on conflict do nothing
      returning id`.execute(trx)
    const fresh = new Set(insertedOrders.rows.map((row) => row.id))

    const lines = { orderId: [] as string[], lineNo: [] as number[], productId: [] as string[], title: [] as string[] }
    const more = { category: [] as (string | null)[], quantity: [] as number[], unitPrice: [] as string[] }
    const products = new Map<string, { title: string; category: string | null; price: string; currency: string; at: Date }>()
    for (const order of orders) {
      for (const [index, line] of order.lineItems.entries()) {
        if (fresh.has(order.orderId)) {
          lines.orderId.push(order.orderId)
          lines.lineNo.push(index + 1)
          lines.productId.push(line.productId)
          lines.title.push(line.title)
          more.category.push(line.category ?? null)
          more.quantity.push(line.quantity)
          more.unitPrice.push(line.unitPrice)
        }
        // The catalogue keeps the newest description the history has of each product.
        const known = products.get(line.productId)
        if (!known || known.at <= order.placedAt) {
          products.set(line.productId, {
            title: line.title,
            category: line.category ?? null,
            price: line.unitPrice,
            currency: order.currency,
            at: order.placedAt,
          })
        }
      }
    }
    if (lines.orderId.length > 0) {
      await sql`
        insert into order_lines (store_id, order_id, line_no, product_id, title, category, quantity, unit_price)
        select ${storeId}, * from unnest(${lines.orderId}::text[], ${lines.lineNo}::int[], ${lines.productId}::text[],
                                         ${lines.title}::text[], ${more.category}::text[], ${more.quantity}::int[],
                                         ${more.unitPrice}::numeric[])`.execute(trx)
    }

    const catalogue = [...products]
    // History says nothing about stock or pages: an imported product counts as available, and is
    // stamped with the epoch rather than its last sale, so any version the platform's catalogue sends
    // (products/update, the sync, the products API: stamped with the product's own edit time, often
    // long before its last sale) replaces it and brings its page.
    const insertedProducts = await sql<{ id: string }>`
      insert into products (store_id, id, title, category, price, currency, available, updated_at)
      select ${storeId}, id, title, category, price, currency, true, to_timestamp(0)
      from unnest(${catalogue.map(([id]) => id)}::text[], ${catalogue.map(([, p]) => p.title)}::text[],
                  ${catalogue.map(([, p]) => p.category)}::text[], ${catalogue.map(([, p]) => p.price)}::numeric[],
                  ${catalogue.map(([, p]) => p.currency)}::text[])
           as p(id, title, category, price, currency)
      on conflict do nothing
      returning id`.execute(trx)

    return {
      orders: fresh.size,
      lines: lines.orderId.length,
      customers: insertedCustomers.rows.length,
      products: insertedProducts.rows.length,
    }
  })
}
