import { sql, type Kysely } from 'kysely'

// Ingest housekeeping (issue 4): stale Shopify retries must not roll an order's status back, and
// webhook deliveries are kept only as long as a retry of them can arrive.
export async function up(db: Kysely<unknown>): Promise<void> {
  // When the platform set the status fields (X-Shopify-Triggered-At); null: not known.
  await db.schema.alterTable('orders').addColumn('status_at', 'timestamptz').execute()
  // Deliveries are appended in time order: a BRIN index finds the expired ones for almost nothing
  // per insert, where a B-tree would add a page write to every webhook.
  await sql`create index webhook_deliveries_received_brin on webhook_deliveries using brin (received_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index webhook_deliveries_received_brin`.execute(db)
  await db.schema.alterTable('orders').dropColumn('status_at').execute()
}
