import { journeyWorkflowId, klaviyoExternalId, redactedEmail } from '@crosswise/domain'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { matchesCustomer, type CustomerTarget } from './customer-match.ts'
import { subjectDigestsIn } from './redacted-subject.ts'

/** The id of a redacted customer: opaque, unique, and saying nothing about the person. */
const redactedCustomerId = (token: string) => `redacted:${token}`

/** The customers who placed some of a store's orders (Shopify's `orders_to_redact`), each once. */
export async function customersOfOrders(trx: Transaction<Database>, storeId: string, orderIds: readonly string[]): Promise<string[]> {
  if (orderIds.length === 0) return []
  const rows = await trx
    .selectFrom('orders')
    .select('customer_id')
    .distinct()
    .where('store_id', '=', storeId)
    .where(sql<boolean>`id = any(${[...orderIds]}::text[])`)
    .execute()
  return rows.map((row) => row.customer_id)
}

/**
 * Erases a customer of a store in the caller's transaction, so that no row names them: the customer
 * (found by id, the account a guest later got, or email) moves to an opaque id `redacted:{token}`
 * in every table (orders follow through their foreign key), the email becomes a tombstone, names,
 * zone and consent are cleared, and dry-run events and profile ids are rewritten. Orders, sends and
 * conversions stay, under the opaque id, so the store's measurements still add up. Their ids and
 * email are kept only as keyed digests, so a late redelivery of an order placed before now is
 * refused instead of stored again; their dispatches are settled and their journey's executions queued
 * for deletion from Temporal (`JourneyEraser`). Returns the customer's (new) id, or undefined when
 * nobody matches; a customer redacted before matches only by their opaque id, and is left as is.
 */
export async function redactCustomer(trx: Transaction<Database>, storeId: string, target: CustomerTarget): Promise<string | undefined> {
  if (target.customerId === undefined && target.email === undefined) return undefined
  const found = await trx
    .selectFrom('customers')
    .select(['id', 'account_id', 'email', 'redacted_at'])
    .where('store_id', '=', storeId)
    .where((eb) => matchesCustomer(eb, target))
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
  if (!found) return undefined
  if (found.redacted_at !== null) return found.id
  const { rows } = await sql<{ token: string }>`select replace(gen_random_uuid()::text, '-', '') as token`.execute(trx)
  const token = rows[0]!.token
  const from = found.id
  const to = redactedCustomerId(token)
  const tombstone = redactedEmail(token)
  const subjects = await subjectDigestsIn(trx, storeId, {
    ids: [from, ...(found.account_id === null ? [] : [found.account_id]), ...(target.customerId === undefined ? [] : [target.customerId])],
    email: found.email,
  })
  await sql`
    insert into redacted_subjects (store_id, subject) select distinct ${storeId}, unnest(${subjects}::text[])
    on conflict (store_id, subject) do update set redacted_at = now()`.execute(trx)
  // Dry-run events are the exact Klaviyo bodies, which name the profile by email and external id.
  const fromProfile = klaviyoExternalId(storeId, from)
  const toProfile = klaviyoExternalId(storeId, to)
  await sql`
    update klaviyo_outbox
    set customer_id = ${to}, profile_id = ${toProfile},
        event = replace(replace(event::text, ${JSON.stringify(found.email)}, ${JSON.stringify(tombstone)}),
                        ${JSON.stringify(fromProfile)}, ${JSON.stringify(toProfile)})::jsonb
    where store_id = ${storeId} and customer_id = ${from}`.execute(trx)
  await sql`update dry_run_engagements set profile_id = ${toProfile} where store_id = ${storeId} and profile_id = ${fromProfile}`.execute(
    trx,
  )
  // A Klaviyo profile id is the person's handle at Klaviyo: the ledger no longer needs it.
  await sql`update journey_sends set customer_id = ${to}, profile_id = null where store_id = ${storeId} and customer_id = ${from}`.execute(
    trx,
  )
  await sql`update holdout_assignments set customer_id = ${to} where store_id = ${storeId} and customer_id = ${from}`.execute(trx)
  await sql`update journey_conversions set customer_id = ${to} where store_id = ${storeId} and customer_id = ${from}`.execute(trx)
  // Settled, not delivered: the journey is being deleted, and a pending dispatch would start it again.
  const workflowId = journeyWorkflowId(storeId, from)
  await sql`
    update dispatches
    set customer_id = ${to}, workflow_id = ${journeyWorkflowId(storeId, to)}, status = 'done',
        dispatched_at = coalesce(dispatched_at, now()), last_error = null
    where store_id = ${storeId} and customer_id = ${from}`.execute(trx)
  await trx
    .updateTable('customers')
    .set({
      id: to,
      account_id: null,
      email: tombstone,
      first_name: null,
      last_name: null,
      time_zone: null,
      accepts_marketing: null,
      redacted_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('store_id', '=', storeId)
    .where('id', '=', from)
    .execute()
  await trx.insertInto('journey_erasures').values({ store_id: storeId, workflow_id: workflowId, last_error: null }).execute()
  return to
}
