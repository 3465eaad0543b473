import { sql, type Kysely } from 'kysely'

// Mined pairings (issue 7): each `crosswise mine` run writes a model version with its top partners per
// product. A store has at most one current version; the one before it is kept so a bad refresh can be
// compared with it, older ones are deleted with their pairings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pairing_models')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    // 'building' while its pairings are written (never visible outside that transaction), then
    // 'current', then 'previous' once a newer version replaces it.
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('order_count', 'integer', (col) => col.notNull())
    .addColumn('product_count', 'integer', (col) => col.notNull())
    .addColumn('pairing_count', 'integer', (col) => col.notNull().defaultTo(0))
    // The mining options used, so two versions can be told apart.
    .addColumn('params', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index pairing_models_current on pairing_models (store_id) where status = 'current'`.execute(db)

  await db.schema
    .createTable('mined_pairings')
    .addColumn('model_id', 'bigint', (col) => col.notNull().references('pairing_models.id').onDelete('cascade'))
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('trigger_product_id', 'text', (col) => col.notNull())
    // 1 = the best partner of the trigger product in this version.
    .addColumn('rank', 'integer', (col) => col.notNull())
    .addColumn('recommended_product_id', 'text', (col) => col.notNull())
    // The recommender's blended score for the trigger alone; only the order matters.
    .addColumn('score', 'double precision', (col) => col.notNull())
    // Orders holding both products (support), and that share of the trigger's orders (confidence).
    .addColumn('support', 'integer', (col) => col.notNull())
    .addColumn('confidence', 'double precision', (col) => col.notNull())
    .addColumn('lift', 'double precision', (col) => col.notNull())
    .addColumn('trigger_orders', 'integer', (col) => col.notNull())
    .addColumn('recommended_orders', 'integer', (col) => col.notNull())
    // Times a customer bought the recommended product in the order after one with the trigger.
    .addColumn('next_order_count', 'integer', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    // Serves "best pairings for these trigger products in the store's current model" in rank order.
    .addPrimaryKeyConstraint('mined_pairings_pk', ['model_id', 'trigger_product_id', 'rank'])
    .addUniqueConstraint('mined_pairings_pair_unique', ['model_id', 'trigger_product_id', 'recommended_product_id'])
    .execute()

  // A store's rules for mined pairings; a store without a row has none.
  await db.schema
    .createTable('recommendation_rules')
    .addColumn('store_id', 'text', (col) => col.primaryKey().references('stores.id'))
    // Pairs of category names that never go together, in either direction: [["Pets", "Baby"]].
    .addColumn('incompatible_categories', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('min_support', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('min_lift', 'double precision', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recommendation_rules').execute()
  await db.schema.dropTable('mined_pairings').execute()
  await db.schema.dropTable('pairing_models').execute()
}
