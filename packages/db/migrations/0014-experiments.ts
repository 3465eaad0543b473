import { sql, type Kysely } from 'kysely'

// Experiments on the journey's email: a store runs at most one at a time; every send records the
// experiment and the variant it went out under, so results are read from the ledger alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experiments')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('definition', 'jsonb', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('stopped_at', 'timestamptz')
    .addColumn('winner', 'text')
    .addPrimaryKeyConstraint('experiments_pk', ['store_id', 'id'])
    .execute()
  await sql`create unique index experiments_one_running on experiments (store_id) where stopped_at is null`.execute(db)
  await db.schema.alterTable('journey_sends').addColumn('experiment_id', 'text').addColumn('variant_id', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').dropColumn('variant_id').dropColumn('experiment_id').execute()
  await db.schema.dropTable('experiments').execute()
}
