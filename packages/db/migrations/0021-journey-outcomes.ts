import { sql, type Kysely } from 'kysely'

// How every journey run ended, one row per Temporal run, written from the closed runs Temporal lists
// (not by the journey itself, which would cost every journey an activity). Rows follow their customer:
// a redaction's new id cascades, an erased store takes them along. The recorder's mark says up to when
// closed runs were recorded; one recorder at a time holds its lease.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('journey_outcomes')
    .addColumn('run_id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('trigger_order_id', 'text')
    .addColumn('segment', 'text')
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('emails_sent', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('pairing_ids', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closed_at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('journey_outcomes_customer_fk', ['store_id', 'customer_id'], 'customers', ['store_id', 'id'], (fk) =>
      fk.onUpdate('cascade').onDelete('cascade'),
    )
    .execute()
  await sql`create index journey_outcomes_store on journey_outcomes (store_id, closed_at)`.execute(db)
  await db.schema
    .createTable('journey_outcome_mark')
    .addColumn('id', 'boolean', (col) =>
      col
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn('recorded_until', 'timestamptz', (col) => col.notNull())
    .addColumn('leased_until', 'timestamptz', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('journey_outcome_mark').execute()
  await db.schema.dropTable('journey_outcomes').execute()
}
