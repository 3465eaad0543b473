import { sql, type Kysely } from 'kysely'

// The monthly pairing review: each review kept with every verdict and its reason, and the pairings it
// retired, which the journeys' picks leave out until the store restores them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pairing_reviews')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('reviewed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('options', 'jsonb', (col) => col.notNull())
    .addColumn('entries', 'jsonb', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('pairing_reviews_store').on('pairing_reviews').columns(['store_id', 'reviewed_at']).execute()
  await db.schema
    .createTable('retired_pairings')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('pairing_id', 'text', (col) => col.notNull())
    .addColumn('review_id', 'bigint', (col) => col.notNull().references('pairing_reviews.id').onDelete('cascade'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('retired_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('retired_pairings_pk', ['store_id', 'pairing_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retired_pairings').execute()
  await db.schema.dropTable('pairing_reviews').execute()
}
