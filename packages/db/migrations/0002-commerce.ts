import { sql, type Kysely } from 'kysely'

// Commerce data (issue 4): stores with their settings, customer details, the catalogue, fulfilments,
// refunds, order status and webhook deliveries. Every table carries store_id first in its keys.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('stores')
    .addColumn('currency', 'char(3)', (col) => col.notNull().defaultTo('USD'))
    .addColumn('time_zone', 'text', (col) => col.notNull().defaultTo('UTC'))
    // The journey policy as the store set it; readers parse it with journeyPolicySchema, whose defaults
    // fill whatever is missing, so '{}' is the default policy.
    .addColumn('policy', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('shopify_domain', 'text', (col) => col.unique())
    .addColumn('shopify_webhook_secret', 'text')
    // SHA-256 of the store's API token: the token itself is shown once and never stored.
    .addColumn('api_token_hash', 'text', (col) => col.unique())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .alterTable('customers')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('accepts_marketing', 'boolean')
    .addColumn('redacted_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .alterTable('orders')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('fulfilment_status', 'text')
    .addColumn('financial_status', 'text')
    // 'api', 'shopify' or 'import': imported history never starts journeys.
    .addColumn('source', 'text', (col) => col.notNull().defaultTo('api'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('products')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('category', 'text')
    .addColumn('price', 'numeric(16, 4)')
    .addColumn('currency', 'char(3)')
    .addColumn('available', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('url', 'text')
    .addColumn('image_url', 'text')
    // The platform's own update time: an older update arriving late must not overwrite a newer one.
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('products_pk', ['store_id', 'id'])
    .execute()
  await db.schema.createIndex('products_category').on('products').columns(['store_id', 'category']).execute()

  // No foreign key to orders: a fulfilment may arrive before its order and waits here for it.
  await db.schema
    .createTable('fulfillments')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('fulfilled_at', 'timestamptz', (col) => col.notNull())
    // Null when the platform did not say; then computed from the order's lines once the order is known.
    .addColumn('complete', 'boolean')
    .addColumn('line_items', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('fulfillments_pk', ['store_id', 'id'])
    .execute()
  await db.schema.createIndex('fulfillments_order').on('fulfillments').columns(['store_id', 'order_id']).execute()

  await db.schema
    .createTable('refunds')
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('refunded_at', 'timestamptz', (col) => col.notNull())
    .addColumn('amount', 'numeric(16, 4)', (col) => col.notNull())
    // Null when the platform did not say; then computed against the order's total.
    .addColumn('full', 'boolean')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('refunds_pk', ['store_id', 'id'])
    .execute()
  await db.schema.createIndex('refunds_order').on('refunds').columns(['store_id', 'order_id']).execute()

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull().references('stores.id'))
    .addColumn('webhook_id', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text')
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('triggered_at', 'timestamptz')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addUniqueConstraint('webhook_deliveries_webhook_unique', ['store_id', 'webhook_id'])
    .execute()
  // One merchant action is one event id; a retry under a new webhook id is still a duplicate. The
  // topic is part of the key because one action may be announced on several topics.
  await sql`create unique index webhook_deliveries_event_unique on webhook_deliveries (store_id, topic, event_id)
    where event_id is not null`.execute(db)

  // "Has this customer ever bought product p" needs no new index: orders_customer_placed (store_id,
  // customer_id, placed_at) finds the customer's orders and order_lines' primary key their lines, and
  // order_lines_product serves the product side.
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['webhook_deliveries', 'refunds', 'fulfillments', 'products']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema
    .alterTable('orders')
    .dropColumn('cancelled_at')
    .dropColumn('fulfilment_status')
    .dropColumn('financial_status')
    .dropColumn('source')
    .dropColumn('updated_at')
    .execute()
  await db.schema
    .alterTable('customers')
    .dropColumn('first_name')
    .dropColumn('last_name')
    .dropColumn('time_zone')
    .dropColumn('accepts_marketing')
    .dropColumn('redacted_at')
    .dropColumn('updated_at')
    .execute()
  await db.schema
    .alterTable('stores')
    .dropColumn('currency')
    .dropColumn('time_zone')
    .dropColumn('policy')
    .dropColumn('shopify_domain')
    .dropColumn('shopify_webhook_secret')
    .dropColumn('api_token_hash')
    .dropColumn('updated_at')
    .execute()
}
