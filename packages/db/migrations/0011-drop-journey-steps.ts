import { sql, type Kysely } from 'kysely'

// Issue 16: `journey_steps` was the walking skeleton's step log. The send ledger (`journey_sends`,
// issue 5) superseded it and nothing has read or written it since, so it goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('journey_steps').execute()
}

// Recreates the table as 0001 built it (empty: it held nothing anyone read).
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('journey_steps')
    .addColumn('step_key', 'text', (col) => col.primaryKey())
    .addColumn('workflow_id', 'text', (col) => col.notNull())
    .addColumn('run_id', 'text', (col) => col.notNull())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('step', 'text', (col) => col.notNull())
    .addColumn('detail', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('journey_steps_workflow').on('journey_steps').columns(['workflow_id', 'recorded_at']).execute()
}
