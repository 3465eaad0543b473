import type { Kysely } from 'kysely'

// Which Klaviyo flow and message an open or click came from (`$flow`, `$message`): only Crosswise's
// own flow counts, and the row shows which email of it was engaged with. Null for rows read before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('send_engagements').addColumn('flow_id', 'text').addColumn('message_id', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('send_engagements').dropColumn('flow_id').dropColumn('message_id').execute()
}
