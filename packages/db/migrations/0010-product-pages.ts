import { sql, type Kysely } from 'kysely'

// Product pages (issue 11): a product without its own URL gets one from its handle or id and the
// store's settings. The rule is one SQL function that every reader of products calls, so a changed
// template or shop domain applies at once, with nothing stored to bring up to date.
export async function up(db: Kysely<unknown>): Promise<void> {
  // e.g. https://shop.example.com/products/{handle}; checked by productUrlTemplateSchema.
  await db.schema.alterTable('stores').addColumn('product_url_template', 'text').execute()
  // Shopify's URL handle: a product CSV export knows products by it, webhooks by their numeric id.
  await db.schema.alterTable('products').addColumn('handle', 'text').execute()
  await db.schema.createIndex('products_handle').on('products').columns(['store_id', 'handle']).execute()

  // RFC 3986 percent-encoding of one path or query part (encodeURIComponent, but `~` `!` `'` `(` `)`
  // `*` encoded too); most handles and ids are plain and skip the per-character work.
  await sql`
    create function crosswise_uri_component(value text) returns text
    language sql immutable strict parallel safe as $$
      select case when value ~ '^[A-Za-z0-9._-]*$' then value else (
        select string_agg(
                 case when ch ~ '^[A-Za-z0-9._-]$' then ch
                      else upper(regexp_replace(encode(convert_to(ch, 'UTF8'), 'hex'), '(..)', '%\\1', 'g')) end,
                 '' order by pos)
        from regexp_split_to_table(value, '') with ordinality as chars(ch, pos)) end
    $$`.execute(db)
  // The product's own URL; else the store's template, when the product has what it names; else its
  // handle on the Shopify shop (which redirects to the shop's own domain); else none.
  await sql`
    create function product_page_url(url text, handle text, id text, template text, shop_domain text) returns text
    language sql immutable parallel safe as $$
      select coalesce(
        url,
        case when template is not null and (handle is not null or position('{handle}' in template) = 0)
             then replace(replace(template, '{id}', crosswise_uri_component(id)), '{handle}', coalesce(crosswise_uri_component(handle), '')) end,
        case when handle is not null and shop_domain is not null
             then 'https://' || shop_domain || '/products/' || crosswise_uri_component(handle) end)
    $$`.execute(db)

  // Shopify webhooks stored the shop-domain address as the product's own URL; keep its handle
  // instead, so a template set later (the shop's own domain) applies to those products too.
  await sql`
    update products p
       set handle = substr(p.url, length('https://' || s.shopify_domain || '/products/') + 1), url = null
      from stores s
     where s.id = p.store_id and s.shopify_domain is not null
       and starts_with(p.url, 'https://' || s.shopify_domain || '/products/')
       and substr(p.url, length('https://' || s.shopify_domain || '/products/') + 1) ~ '^[^/?#[:space:]]+$'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update products p set url = 'https://' || s.shopify_domain || '/products/' || p.handle
      from stores s
     where s.id = p.store_id and p.url is null and p.handle is not null and s.shopify_domain is not null`.execute(db)
  await sql`drop function product_page_url(text, text, text, text, text)`.execute(db)
  await sql`drop function crosswise_uri_component(text)`.execute(db)
  await db.schema.dropIndex('products_handle').execute()
  await db.schema.alterTable('products').dropColumn('handle').execute()
  await db.schema.alterTable('stores').dropColumn('product_url_template').execute()
}
