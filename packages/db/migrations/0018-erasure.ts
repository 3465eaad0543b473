import { sql, type Kysely } from 'kysely'

// Erasure that leaves nothing: a redacted customer's rows move to an opaque id (orders follow
// through the foreign key), a guest who later signs up keeps the account id beside the guest id,
// the erased subjects are kept only as keyed hashes (so a late redelivery of their old orders is
// refused, not stored again), and the Temporal executions to delete wait in a queue of their own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders drop constraint orders_customer_fk`.execute(db)
  await sql`alter table orders add constraint orders_customer_fk foreign key (store_id, customer_id)
            references customers (store_id, id) on update cascade`.execute(db)
  await db.schema.alterTable('customers').addColumn('account_id', 'text').execute()
  await sql`create index customers_account on customers (store_id, account_id) where account_id is not null`.execute(db)
  await db.schema
    .createTable('redacted_subjects')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('redacted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('redacted_subjects_pk', ['store_id', 'subject'])
    .execute()
  // No foreign key to stores: erasing a whole store deletes its row before its executions go.
  await db.schema
    .createTable('journey_erasures')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('workflow_id', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('journey_erasures').execute()
  await db.schema.dropTable('redacted_subjects').execute()
  await db.schema.alterTable('customers').dropColumn('account_id').execute()
  await sql`alter table orders drop constraint orders_customer_fk`.execute(db)
  await sql`alter table orders add constraint orders_customer_fk foreign key (store_id, customer_id)
            references customers (store_id, id)`.execute(db)
}
