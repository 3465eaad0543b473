import { sql, type Kysely } from 'kysely'

// What journeys do (issue 5): manual pairings, the send ledger, the dry-run outbox with its recorded
// engagement, holdout assignments and conversions. Every send-related row is keyed by the journey's
// idempotency key `{storeId}:{orderId}:{step}`, so a retried or replayed step writes nothing twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pairings')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('trigger_product_id', 'text', (col) => col.notNull())
    .addColumn('recommended_product_id', 'text', (col) => col.notNull())
    // Higher first; the store's own ordering of several recommendations for one product.
    .addColumn('priority', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('pairings_pk', ['store_id', 'trigger_product_id', 'recommended_product_id'])
    .execute()

  await db.schema
    .createTable('journey_sends')
    .addColumn('send_key', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('kind', 'text')
    .addColumn('pairing_id', 'text')
    .addColumn('product_ids', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    // 'sending' (claimed, the gateway call may or may not have happened), 'sent', 'no-consent', 'held-out',
    // 'unavailable' (a recommended product went out of stock before the send).
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    // 'klaviyo' or 'outbox' (dry run).
    .addColumn('channel', 'text')
    .addColumn('profile_id', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute()
  // The frequency cap reads a customer's recent sends before every email.
  await sql`create index journey_sends_customer_sent on journey_sends (store_id, customer_id, sent_at) where status = 'sent'`.execute(db)

  await db.schema
    .createTable('klaviyo_outbox')
    .addColumn('unique_id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('profile_id', 'text', (col) => col.notNull())
    .addColumn('metric', 'text', (col) => col.notNull())
    // The exact `POST /api/events` body the SDK gateway would send.
    .addColumn('event', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('klaviyo_outbox_store').on('klaviyo_outbox').columns(['store_id', 'created_at']).execute()

  await db.schema
    .createTable('dry_run_engagements')
    .addColumn('send_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('profile_id', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('dry_run_engagements_pk', ['send_key', 'kind'])
    .execute()
  await db.schema.createIndex('dry_run_engagements_profile').on('dry_run_engagements').columns(['profile_id', 'occurred_at']).execute()

  await db.schema
    .createTable('holdout_assignments')
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('held_out', 'boolean', (col) => col.notNull())
    // The customer's stable position in [0, 1) (holdoutPosition) and the share it was compared with.
    .addColumn('position', 'double precision', (col) => col.notNull())
    .addColumn('share', 'double precision', (col) => col.notNull())
    .addColumn('assigned_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('holdout_assignments_pk', ['store_id', 'order_id'])
    .execute()

  await db.schema
    .createTable('journey_conversions')
    .addColumn('send_key', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('pairing_id', 'text', (col) => col.notNull())
    .addColumn('purchase_order_id', 'text')
    .addColumn('converted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'journey_conversions',
    'holdout_assignments',
    'dry_run_engagements',
    'klaviyo_outbox',
    'journey_sends',
    'pairings',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
