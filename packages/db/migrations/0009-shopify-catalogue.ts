import { sql, type Kysely } from 'kysely'

// Shopify catalogue sync (issue 11): a store's Admin API access (its token sealed like Klaviyo keys,
// only the last four characters readable) and what the last sync did; products removed in Shopify
// are kept, marked unavailable with the time they were removed (a later update restores them).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shopify_connections')
    .addColumn('store_id', 'text', (col) => col.primaryKey().references('stores.id').onDelete('cascade'))
    // Always the store's own shopify_domain: the admin API sets both in one transaction.
    .addColumn('shop_domain', 'text', (col) => col.notNull())
    .addColumn('access_token_sealed', 'text', (col) => col.notNull())
    .addColumn('access_token_last4', 'text', (col) => col.notNull())
    .addColumn('api_version', 'text', (col) => col.notNull())
    .addColumn('last_synced_at', 'timestamptz')
    // The last sync's summary (pages, products, upserted, deleted, waited ms), for the admin API.
    .addColumn('last_sync', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.alterTable('products').addColumn('deleted_at', 'timestamptz').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').dropColumn('deleted_at').execute()
  await db.schema.dropTable('shopify_connections').execute()
}
