import { sql, type Kysely } from 'kysely'

// Erasure (customers/redact) and the data export (customers/data_request) find a customer's rows
// in every table by (store, customer), and the foreign keys that follow a redacted customer's new id
// do the same; without these indexes each of them read the whole table, which grows with every
// order and send and is never pruned of dispatches, so an erasure would outgrow Shopify's webhook
// deadline as a store grew.
const lookups = [
  ['dispatches_customer', 'dispatches'],
  ['journey_sends_customer', 'journey_sends'],
  ['journey_conversions_customer', 'journey_conversions'],
  ['holdout_assignments_customer', 'holdout_assignments'],
  ['klaviyo_outbox_customer', 'klaviyo_outbox'],
  ['journey_outcomes_customer', 'journey_outcomes'],
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [index, table] of lookups) await sql`create index ${sql.raw(index)} on ${sql.raw(table)} (store_id, customer_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [index] of lookups) await sql`drop index ${sql.raw(index)}`.execute(db)
}
