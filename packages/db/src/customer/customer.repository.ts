import { eventKey, journeyWorkflowId, redactedEmail, type Customer } from '@crosswise/domain'
import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { enqueueDispatch } from '../dispatch/dispatch.repository.ts'
import { guestCustomerIdIn } from './guest-customer-id.ts'
import { isPlaceholderEmail } from './placeholder-email.ts'

/** A customer found by `resolveCustomer`'s lookup (all null when none was), or the one it inserted. */
interface CustomerLookup {
  id: string | null
  email: string | null
  first_name: string | null
  last_name: string | null
  time_zone: string | null
  accepts_marketing: boolean | null
  redacted_at: Date | null
  inserted_id: string | null
}

/**
 * The customer an order belongs to, created on first sight. A normalised email names one person per
 * store, so a guest checkout joins the account with the same email, and a new guest gets an id derived
 * from it. Known details (name, zone, consent) are refreshed from the newest order that carries them.
 * `alongside` is evaluated once in the lookup's statement (the caller's order lock), sparing a round trip.
 */
export async function resolveCustomer(
  trx: Transaction<Database>,
  storeId: string,
  customer: Customer,
  alongside: RawBuilder<unknown> = sql`1`,
): Promise<string> {
  const { email } = customer
  const platformId = customer.id
  const details = {
    ...(customer.firstName === undefined ? {} : { first_name: customer.firstName }),
    ...(customer.lastName === undefined ? {} : { last_name: customer.lastName }),
    ...(customer.timeZone === undefined ? {} : { time_zone: customer.timeZone }),
    ...(customer.acceptsMarketing === undefined ? {} : { accepts_marketing: customer.acceptsMarketing }),
  }
  const lookup = trx
    .selectFrom('customers')
    .select(['id', 'email', 'first_name', 'last_name', 'time_zone', 'accepts_marketing', 'redacted_at'])
    .where('store_id', '=', storeId)
    .where((eb) => (platformId ? eb.or([eb('id', '=', platformId), eb('email', '=', email)]) : eb('email', '=', email)))
    .orderBy((eb) =>
      eb
        .case()
        .when('id', '=', platformId ?? '')
        .then(0)
        .else(1)
        .end(),
    )
    .limit(1)
  const newId = platformId ?? (await guestCustomerIdIn(trx, storeId, email))
  // One statement finds the customer or, when nobody matches, inserts them: the one-row FROM item
  // runs `alongside` exactly once, and the insert reads the lookup, so it runs after it.
  const { rows } = await sql<CustomerLookup>`
    with found as (
      select c.* from (select ${alongside} as done) as side left join lateral (${lookup}) as c on true
    ), inserted as (
      insert into customers (store_id, id, email, first_name, last_name, time_zone, accepts_marketing)
      select ${storeId}::text, ${newId}::text, ${email}::text, ${details.first_name ?? null}::text, ${details.last_name ?? null}::text,
             ${details.time_zone ?? null}::text, ${details.accepts_marketing ?? null}::boolean
      where not exists (select 1 from found where id is not null)
      on conflict do nothing
      returning id
    )
    select found.*, (select id from inserted) as inserted_id from found`.execute(trx)
  const found = rows[0]
  const known = found?.id ? { ...found, id: found.id } : undefined
  if (known) {
    // Most orders repeat what we know: write only a change, and never refill a redacted customer.
    const changed = Object.entries(details).some(([column, value]) => known[column as keyof typeof details] !== value)
    if (changed && known.redacted_at === null) {
      await trx
        .updateTable('customers')
        .set({ ...details, updated_at: sql<Date>`now()` })
        .where('store_id', '=', storeId)
        .where('id', '=', known.id)
        .execute()
    }
    if (known.email !== null && isPlaceholderEmail(known.email) && known.redacted_at === null)
      await replacePlaceholderEmail(trx, storeId, known.id, email)
    return known.id
  }
  if (found?.inserted_id) return found.inserted_id
  // A concurrent order of the same person won the insert, maybe under another id: take theirs.
  const stored = await trx
    .selectFrom('customers')
    .select('id')
    .where('store_id', '=', storeId)
    .where((eb) => eb.or([eb('id', '=', newId), eb('email', '=', email)]))
    .orderBy((eb) => eb.case().when('id', '=', newId).then(0).else(1).end())
    .limit(1)
    .executeTakeFirstOrThrow()
  return stored.id
}

/**
 * Gives a customer imported without an email (Online Retail has ids only) the one their first live
 * order brings, so their journey can email them. Left as it is when another customer of the store
 * already holds that email (emails name one person per store).
 */
async function replacePlaceholderEmail(trx: Transaction<Database>, storeId: string, customerId: string, email: string): Promise<void> {
  await sql`
    update customers set email = ${email}, updated_at = now()
    where store_id = ${storeId} and id = ${customerId}
      and not exists (select 1 from customers where store_id = ${storeId} and email = ${email})`.execute(trx)
}

/** Who to erase: the platform's customer id, the email, or both (either finds them). */
export interface RedactionTarget {
  customerId?: string
  /** Normalised email. */
  email?: string
}

/**
 * Erases a customer's personal data from the store's rows in the caller's transaction: the email
 * becomes a tombstone (in the dry-run outbox's events too), names, zone and consent are cleared, and
 * `redacted_at` is set; orders keep only ids and amounts, and a guest's id is a hash, not the email.
 * When a journey was ever told about the customer, a `customerRedacted` dispatch ends it. Returns the customer's id, or undefined when nobody matches (an already redacted
 * customer matches by id only).
 */
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

export async function redactCustomer(trx: Transaction<Database>, storeId: string, target: RedactionTarget): Promise<string | undefined> {
  const { customerId, email } = target
  if (customerId === undefined && email === undefined) return undefined
  const found = await trx
    .selectFrom('customers')
    .select(['id', 'email', 'redacted_at'])
    .where('store_id', '=', storeId)
    .where((eb) =>
      eb.or([...(customerId === undefined ? [] : [eb('id', '=', customerId)]), ...(email === undefined ? [] : [eb('email', '=', email)])]),
    )
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
  if (!found) return undefined
  if (found.redacted_at === null) {
    // The tombstone needs a value unique in the store that says nothing about the person.
    const { rows } = await sql<{ token: string }>`select replace(gen_random_uuid()::text, '-', '') as token`.execute(trx)
    const tombstone = redactedEmail(rows[0]!.token)
    // Dry-run emails keep the exact Klaviyo event, which names the profile by email.
    await sql`
      update klaviyo_outbox set event = replace(event::text, ${JSON.stringify(found.email)}, ${JSON.stringify(tombstone)})::jsonb
      where store_id = ${storeId} and customer_id = ${found.id}`.execute(trx)
    await trx
      .updateTable('customers')
      .set({
        email: tombstone,
        first_name: null,
        last_name: null,
        time_zone: null,
        accepts_marketing: null,
        redacted_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('store_id', '=', storeId)
      .where('id', '=', found.id)
      .execute()
  }
  const workflowId = journeyWorkflowId(storeId, found.id)
  // Through the customer's orders (indexed) to their orderPlaced dispatches (unique event keys).
  const journeyTold = await trx
    .selectFrom('orders as o')
    .innerJoin('dispatches as d', (join) => join.on('d.event_key', '=', sql<string>`'order:' || o.store_id || ':' || o.id`))
    .select('d.id')
    .where('o.store_id', '=', storeId)
    .where('o.customer_id', '=', found.id)
    .limit(1)
    .executeTakeFirst()
  if (journeyTold) {
    await enqueueDispatch(trx, {
      storeId,
      customerId: found.id,
      workflowId,
      signal: 'customerRedacted',
      eventKey: eventKey('redaction', storeId, found.id),
      payload: {},
    })
  }
  return found.id
}
