import type { Kysely } from 'kysely'

// The customer's segment when the journey classified them (first-time, repeat, VIP), kept with each
// email so the report can credit revenue per segment; null for emails sent before it was kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').addColumn('segment', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').dropColumn('segment').execute()
}
