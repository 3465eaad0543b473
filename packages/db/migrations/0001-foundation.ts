import { sql, type Kysely } from 'kysely'

// Migrations take Kysely<unknown>: they describe the schema as it was when written, not as the
// current TypeScript types say it is.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stores')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('customers')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('customers_pk', ['store_id', 'id'])
    .addUniqueConstraint('customers_email_unique', ['store_id', 'email'])
    .execute()

  await db.schema
    .createTable('orders')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('placed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('total', 'numeric(16, 4)', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('orders_pk', ['store_id', 'id'])
    .addForeignKeyConstraint('orders_customer_fk', ['store_id', 'customer_id'], 'customers', ['store_id', 'id'])
    .execute()
  // "Orders of this customer since t": the repeat-purchase guard asks this before every send.
  await db.schema.createIndex('orders_customer_placed').on('orders').columns(['store_id', 'customer_id', 'placed_at']).execute()

  await db.schema
    .createTable('order_lines')
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('line_no', 'integer', (col) => col.notNull())
    .addColumn('product_id', 'text', (col) => col.notNull())
    .addColumn('variant_id', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('category', 'text')
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('unit_price', 'numeric(16, 4)', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_lines_pk', ['store_id', 'order_id', 'line_no'])
    .addForeignKeyConstraint('order_lines_order_fk', ['store_id', 'order_id'], 'orders', ['store_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute()
  // "Has this customer ever bought product p": joined through orders by (store, order).
  await db.schema.createIndex('order_lines_product').on('order_lines').columns(['store_id', 'product_id']).execute()

  await db.schema
    .createTable('dispatches')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('workflow_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('event_key', 'text', (col) => col.notNull().unique())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('dispatched_at', 'timestamptz')
    .execute()
  await sql`create index dispatches_pending on dispatches (available_at, id) where status = 'pending'`.execute(db)
  await sql`create index dispatches_pending_journey on dispatches (workflow_id, id) where status = 'pending'`.execute(db)

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

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['journey_steps', 'dispatches', 'order_lines', 'orders', 'customers', 'stores']) {
    await db.schema.dropTable(table).execute()
  }
}
