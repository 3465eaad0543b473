import { sql, type Kysely } from 'kysely'

// A secret per store that keys its guests' ids (HMAC of the email), so an email address alone no
// longer tells anyone a guest's id. Stores that exist keep none, and so keep their guests' ids;
// every store created from now on gets one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stores').addColumn('guest_id_key', 'text').execute()
  await sql`alter table stores alter column guest_id_key set default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stores').dropColumn('guest_id_key').execute()
}
