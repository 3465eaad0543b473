import { sql, type Kysely } from 'kysely'

// A price band per segment (issue 7) for mined and best-selling picks, e.g. premium products for VIPs
// only: {"first-time": {"max": "30.00"}, "vip": {"min": "50"}}. Decimal strings in major units, like
// products.price; a segment without a band, or a band without an end, has no limit there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('recommendation_rules')
    .addColumn('price_bands', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recommendation_rules').dropColumn('price_bands').execute()
}
