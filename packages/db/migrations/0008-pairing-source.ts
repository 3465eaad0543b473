import type { Kysely } from 'kysely'

// Which source each email's pick came from (manual, mined, category or store best seller), so the
// ledger tells how much of what goes out each source carries. Rows written before stay null.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').addColumn('pairing_source', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').dropColumn('pairing_source').execute()
}
