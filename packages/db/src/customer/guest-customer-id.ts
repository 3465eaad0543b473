import { createHash } from 'node:crypto'

/**
 * The id a guest customer (no platform id) gets in a store: `guest:` and 32 hex digits (128 bits) of
 * SHA-256 over the store id and the normalised email. The same guest always gets the same id, yet the
 * id carries no email, so nothing `customers/redact` must erase lives on in customer ids, journey
 * workflow ids or search attributes. Lives here rather than in `domain`: the journeys' workflow
 * bundle imports `domain` and may not load `node:crypto`.
 *
 * @example guestCustomerId('acme', 'ada@example.com') // 'guest:…' (32 hex digits)
 */
export function guestCustomerId(storeId: string, normalisedEmail: string): string {
  // The store id keeps one person's ids apart across stores; the newline keeps the parts apart.
  const digest = createHash('sha256').update(`${storeId}\n${normalisedEmail}`).digest('hex')
  return `guest:${digest.slice(0, 32)}`
}
