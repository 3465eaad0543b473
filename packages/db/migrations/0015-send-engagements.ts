import { sql, type Kysely } from 'kysely'

// Opens and clicks seen after each email, as the journey's engagement reads found them: what the
// report attributes orders by (an order within the store's window after an open or a click).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('send_engagements')
    .addColumn('send_key', 'text', (col) => col.notNull().references('journey_sends.send_key').onDelete('cascade'))
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('send_engagements_pk', ['send_key', 'kind', 'occurred_at'])
    .execute()
  await sql`create index send_engagements_store on send_engagements (store_id, occurred_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('send_engagements').execute()
}
