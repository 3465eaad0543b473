import { eventKey, journeyWorkflowId, redactedEmail, type Customer } from '@crosswise/domain'
import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { enqueueDispatch } from '../dispatch/dispatch.repository.ts'
import { guestCustomerId } from './guest-customer-id.ts'

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
    .select(['id', 'first_name', 'last_name', 'time_zone', 'accepts_marketing', 'redacted_at'])
    .where('store_id', '=', storeId)
    .where((eb) => (platformId ? eb.or([eb('id', '=', platformId), eb('email', '=', email)]) : eb('email', '=', email)))
    .orderBy((eb) => eb.case().when('id', '=', platformId ?? '').then(0).else(1).end())
    .limit(1)
  // A one-row FROM item runs `alongside` exactly once, whether or not the customer is found.
  const found = await trx
    .selectFrom(sql<{ done: unknown }>`(select ${alongside} as done)`.as('side'))
    .leftJoinLateral(lookup.as('c'), (join) => join.onTrue())
    .selectAll('c')
    .executeTakeFirst()
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
    return known.id
  }
  const id = platformId ?? guestCustomerId(storeId, email)
  const inserted = await trx
    .insertInto('customers')
    .values({ store_id: storeId, id, email, ...details })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return inserted.id
  // A concurrent order of the same person won the insert, maybe under another id: take theirs.
  const stored = await trx
    .selectFrom('customers')
    .select('id')
    .where('store_id', '=', storeId)
    .where((eb) => eb.or([eb('id', '=', id), eb('email', '=', email)]))
    .orderBy((eb) => eb.case().when('id', '=', id).then(0).else(1).end())
    .limit(1)
    .executeTakeFirstOrThrow()
  return stored.id
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
      kind: 'customerRedacted',
      eventKey: eventKey('redaction', storeId, found.id),
      payload: {},
    })
  }
  return found.id
}
