import { sql, type RawBuilder } from 'kysely'

/**
 * The page a product links to, as SQL over a `products` row and its `stores` row (by their aliases in
 * the query): its own URL, else the store's product URL template filled with its handle or id, else its
 * handle on the Shopify shop; null when none applies. Every reader of products goes through this one
 * rule (the `product_page_url` function of migration 0010), so a changed template applies at once.
 */
export function productPageUrl(product: string, store: string): RawBuilder<string | null> {
  const column = (table: string, name: string) => sql.ref(`${table}.${name}`)
  return sql<
    string | null
  >`product_page_url(${column(product, 'url')}, ${column(product, 'handle')}, ${column(product, 'id')}, ${column(store, 'product_url_template')}, ${column(store, 'shopify_domain')})`
}

/** {@link productPageUrl} for a query over `products` alone: its store's settings read by subquery. */
export function productPageUrlOfRow(product: string): RawBuilder<string | null> {
  const column = (name: string) => sql.ref(`${product}.${name}`)
  const setting = (name: string) => sql`(select ${sql.ref(`s.${name}`)} from stores s where s.id = ${column('store_id')})`
  return sql<
    string | null
  >`product_page_url(${column('url')}, ${column('handle')}, ${column('id')}, ${setting('product_url_template')}, ${setting('shopify_domain')})`
}
