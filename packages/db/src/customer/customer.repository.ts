import type { Customer } from '@crosswise/domain'
import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { matchesCustomer } from './customer-match.ts'
import { guestCustomerIdIn } from './guest-customer-id.ts'
import { subjectDigestsIn } from './redacted-subject.ts'
import { isPlaceholderEmail } from './placeholder-email.ts'

/** A customer found by `resolveCustomer`'s lookup (all null when none was), or the one it inserted. */
interface CustomerLookup {
  id: string | null
  email: string | null
  first_name: string | null
  last_name: string | null
  time_zone: string | null
  accepts_marketing: boolean | null
  account_id: string | null
  redacted_at: Date | null
  inserted_id: string | null
  /** The person was erased after this order was placed: it is a late redelivery, not to be stored. */
  erased: boolean
}

/**
 * The customer an order belongs to, created on first sight. A normalised email names one person per
 * store, so a guest checkout joins the account with the same email, and a new guest gets an id derived
 * from it; when that guest later orders with an account, the account id is linked to them, so either
 * id finds them. Known details (name, zone, consent) are refreshed from the newest order that carries
 * them. Undefined when the store had the person erased after `placedAt`: an old order redelivered.
 * `alongside` is evaluated once in the lookup's statement (the caller's order lock), sparing a round trip.
 */
export async function resolveCustomer(
  trx: Transaction<Database>,
  storeId: string,
  customer: Customer,
  placedAt: Date,
  alongside: RawBuilder<unknown> = sql`1`,
): Promise<string | undefined> {
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
    .select(['id', 'email', 'first_name', 'last_name', 'time_zone', 'accepts_marketing', 'account_id', 'redacted_at'])
    .where('store_id', '=', storeId)
    .where((eb) => matchesCustomer(eb, { customerId: platformId, email }))
    .orderBy((eb) =>
      eb
        .case()
        .when('id', '=', platformId ?? '')
        .then(0)
        .when('account_id', '=', platformId ?? '')
        .then(1)
        .else(2)
        .end(),
    )
    .limit(1)
  const newId = platformId ?? (await guestCustomerIdIn(trx, storeId, email))
  const subjects = await subjectDigestsIn(trx, storeId, { ids: platformId ? [platformId] : [], email })
  // One statement finds the customer or, when nobody matches, inserts them: the one-row FROM item
  // runs `alongside` exactly once, and the insert reads the lookup, so it runs after it.
  const { rows } = await sql<CustomerLookup>`
    with found as (
      select c.* from (select ${alongside} as done) as side left join lateral (${lookup}) as c on true
    ), erased as (
      select exists (select 1 from redacted_subjects
                     where store_id = ${storeId} and subject = any(${subjects}::text[]) and redacted_at >= ${placedAt}) as erased
    ), inserted as (
      insert into customers (store_id, id, email, first_name, last_name, time_zone, accepts_marketing)
      select ${storeId}::text, ${newId}::text, ${email}::text, ${details.first_name ?? null}::text, ${details.last_name ?? null}::text,
             ${details.time_zone ?? null}::text, ${details.accepts_marketing ?? null}::boolean
      where not exists (select 1 from found where id is not null) and not (select erased from erased)
      on conflict do nothing
      returning id
    )
    select found.*, (select id from inserted) as inserted_id, (select erased from erased) as erased from found`.execute(trx)
  const found = rows[0]
  if (found?.erased) return undefined
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
    if (platformId && known.id.startsWith('guest:') && known.account_id === null && known.redacted_at === null)
      await linkAccount(trx, storeId, known.id, platformId)
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

/** Links the account a guest ordered with later to the guest, unless another customer holds it. */
async function linkAccount(trx: Transaction<Database>, storeId: string, guestId: string, accountId: string): Promise<void> {
  await sql`
    update customers set account_id = ${accountId}, updated_at = now()
    where store_id = ${storeId} and id = ${guestId}
      and not exists (select 1 from customers where store_id = ${storeId} and (id = ${accountId} or account_id = ${accountId}))`.execute(
    trx,
  )
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
