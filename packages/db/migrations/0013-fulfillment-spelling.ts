import { sql, type Kysely } from 'kysely'

// Names follow Shopify's spelling ("fulfillment"): the orders column and the key of every stored
// journey policy are renamed, so a policy set before keeps its fulfillment rules.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders rename column fulfilment_status to fulfillment_status`.execute(db)
  await sql`
    update stores set policy = (policy - 'fulfilment') || jsonb_build_object('fulfillment', policy -> 'fulfilment')
     where policy ? 'fulfilment'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update stores set policy = (policy - 'fulfillment') || jsonb_build_object('fulfilment', policy -> 'fulfillment')
     where policy ? 'fulfillment'`.execute(db)
  await sql`alter table orders rename column fulfillment_status to fulfilment_status`.execute(db)
}
