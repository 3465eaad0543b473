import { createHash, createHmac } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'

/**
 * The id a guest customer (no platform id) gets in a store: `guest:` and 32 hex digits (128 bits) of
 * an HMAC-SHA256 under the store's own key over the store id and the normalised email. The same
 * guest always gets the same id, yet the id carries no email, and without the key an email address
 * does not give the id. Stores created before keys existed (`key` null) keep their guests' plain
 * SHA-256 ids. Lives here rather than in `domain`: the journeys' workflow bundle imports `domain`
 * and may not load `node:crypto`.
 *
 * @example guestCustomerId('acme', 'ada@example.com', key) // 'guest:…' (32 hex digits)
 */
export function guestCustomerId(storeId: string, normalisedEmail: string, key: string | null): string {
  return `${guestIdPrefix}${storeKeyedDigest(storeId, normalisedEmail, key)}`
}

/** How every guest's id begins. */
export const guestIdPrefix = 'guest:'

/**
 * 32 hex digits of an HMAC-SHA256 under the store's key (plain SHA-256 for a store without one) over
 * the store id and a text: what the store keeps instead of a person's id or email.
 */
export function storeKeyedDigest(storeId: string, text: string, key: string | null): string {
  // The store id keeps one person's digests apart across stores; the newline keeps the parts apart.
  const input = `${storeId}\n${text}`
  const digest = key === null ? createHash('sha256').update(input) : createHmac('sha256', key).update(input)
  return digest.digest('hex').slice(0, 32)
}

// A store's key never changes once it exists, so each process reads it once.
const keys = new Map<string, string | null>()

/** The key of a store's guest ids (null: a store from before keys, or none yet); read once per process. */
export async function guestIdKey(db: Kysely<Database>, storeId: string): Promise<string | null> {
  const known = keys.get(storeId)
  if (known !== undefined) return known
  const row = await db.selectFrom('stores').select('guest_id_key').where('id', '=', storeId).executeTakeFirst()
  // An unknown store is not remembered: it may be created in a moment, with a key.
  if (row) keys.set(storeId, row.guest_id_key)
  return row?.guest_id_key ?? null
}

/** A guest's id in a store, with the store's key read as above. */
export async function guestCustomerIdIn(db: Kysely<Database>, storeId: string, normalisedEmail: string): Promise<string> {
  return guestCustomerId(storeId, normalisedEmail, await guestIdKey(db, storeId))
}
