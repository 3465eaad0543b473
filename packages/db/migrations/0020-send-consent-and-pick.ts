import type { Kysely } from 'kysely'

// Which consent let an email go (`klaviyo`: the profile's; `order`: the consent the order brought, for
// a customer Klaviyo has no consent for yet) and the whole pick an email went out with, so a retry
// after the send fell through to another pairing sends that one. Null for rows written before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').addColumn('consent_source', 'text').addColumn('pick', 'jsonb').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journey_sends').dropColumn('consent_source').dropColumn('pick').execute()
}
