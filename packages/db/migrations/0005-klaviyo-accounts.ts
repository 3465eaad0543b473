import { sql, type Kysely } from 'kysely'

// Per-store Klaviyo accounts (issue 6): a store may send through its own Klaviyo account. The private
// key is stored sealed (AES-256-GCM when CROSSWISE_PAYLOAD_KEY is set); only its last four characters
// are kept readable, so the admin API can tell which key is configured without ever showing it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('klaviyo_accounts')
    .addColumn('store_id', 'text', (col) => col.primaryKey().references('stores.id').onDelete('cascade'))
    .addColumn('api_key_sealed', 'text', (col) => col.notNull())
    .addColumn('api_key_last4', 'text', (col) => col.notNull())
    // The custom metric the store's Klaviyo flow is triggered by; null: `Crosswise Recommendation`.
    .addColumn('metric_name', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('klaviyo_accounts').execute()
}
