import { sql, type SelectQueryBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import { productPageUrlOfRow } from '../product/product-page-url.ts'

/** A best seller: a product, its category and how many order lines bought it. */
export interface BestSeller {
  productId: string
  category: string | null
  lines: number
}

/** Inclusive price limits as decimal strings in major units; a missing end is open. */
export interface PriceLimits {
  min?: string
  max?: string
}

/** What every best seller must be: recommendable (available, with a page), not excluded, inside the price band. */
function recommendable<O>(query: SelectQueryBuilder<Database, 'products', O>, exclude: readonly string[], priceBand: PriceLimits) {
  let filtered = query.where('products.available', '=', true).where(productPageUrlOfRow('products'), 'is not', null)
  if (exclude.length > 0) filtered = filtered.where('products.id', 'not in', exclude)
  if (priceBand.min !== undefined) filtered = filtered.where('products.price', '>=', priceBand.min)
  if (priceBand.max !== undefined) filtered = filtered.where('products.price', '<=', priceBand.max)
  return filtered
}

function toBestSellers(rows: ReadonlyArray<{ id: string; category: string | null; lines: string | number | bigint }>): BestSeller[] {
  return rows.map((row) => ({ productId: row.id, category: row.category, lines: Number(row.lines) }))
}

/**
 * The store's best-selling recommendable products in some categories, most order lines first, leaving
 * out the given products (the customer's own, for one) and, with a price band, those outside it or
 * without a price.
 */
export async function bestSellersIn(
  db: Db,
  storeId: string,
  categories: readonly string[],
  exclude: readonly string[],
  limit: number,
  priceBand: PriceLimits = {},
): Promise<BestSeller[]> {
  if (categories.length === 0) return []
  const query = db
    .selectFrom('products')
    .leftJoin('order_lines as l', (join) => join.onRef('l.store_id', '=', 'products.store_id').onRef('l.product_id', '=', 'products.id'))
    .select(['products.id', 'products.category', sql<string>`count(l.product_id)`.as('lines')])
    .where('products.store_id', '=', storeId)
    .where('products.category', 'in', categories)
    .groupBy(['products.id', 'products.category'])
    .orderBy(sql`count(l.product_id)`, 'desc')
    .orderBy('products.id')
    .limit(limit)
  return toBestSellers(await recommendable(query, exclude, priceBand).execute())
}

/** A product of a store's recent sales and how many order lines bought it. */
export interface RecentSeller {
  productId: string
  lines: number
}

/**
 * The store's best sellers of its recent weeks, whatever their category: the products most order
 * lines bought in the `recentDays` before its newest order (cancelled orders left out, so a replayed
 * or imported history counts its own recent weeks), most first. Not filtered by the catalogue: the
 * caller checks each against it when it picks.
 */
export async function recentBestSellers(db: Db, storeId: string, limit: number, recentDays = 90): Promise<RecentSeller[]> {
  const rows = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', (join) => join.onRef('o.store_id', '=', 'l.store_id').onRef('o.id', '=', 'l.order_id'))
    .select(['l.product_id', sql<string>`count(*)`.as('lines')])
    .where('o.store_id', '=', storeId)
    .where('o.cancelled_at', 'is', null)
    .where(
      'o.placed_at',
      '>=',
      sql<Date>`(select max(placed_at) from orders where store_id = ${storeId}) - make_interval(days => ${recentDays})`,
    )
    .groupBy('l.product_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('l.product_id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({ productId: row.product_id, lines: Number(row.lines) }))
}

/**
 * Recommendable products of the store's catalogue with no regard to sales (available, with a page,
 * not excluded, inside the price band), by id: what is left when no best seller fits.
 */
export async function recommendableProducts(
  db: Db,
  storeId: string,
  exclude: readonly string[],
  limit: number,
  priceBand: PriceLimits = {},
): Promise<BestSeller[]> {
  const query = db
    .selectFrom('products')
    .select(['products.id', 'products.category', sql<string>`0`.as('lines')])
    .where('products.store_id', '=', storeId)
    .orderBy('products.id')
    .limit(limit)
  return toBestSellers(await recommendable(query, exclude, priceBand).execute())
}
