import type { Kysely } from 'kysely'

// Which source each email's pick came from (manual, mined, category or store best seller), so the
// ledger tells how much of what goes out each source carries. Rows written before stay null. A
// store's recent sales (its best sellers) are found by the time of its orders.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').addColumn('pairing_source', 'text').execute()
  await db.schema.createIndex('orders_store_placed').on('orders').columns(['store_id', 'placed_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_store_placed').execute()
  await db.schema.alterTable('journey_sends').dropColumn('pairing_source').execute()
}
