import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { guestIdKey, storeKeyedDigest } from './guest-customer-id.ts'

/** Who a person was to a store: the ids they were known by and their normalised email. */
export interface Subject {
  ids: readonly string[]
  email?: string | undefined
}

/** The `redacted_subjects` entries that stand for a person: a keyed digest per id and one for the email. */
export function subjectDigests(storeId: string, subject: Subject, key: string | null): string[] {
  return [
    ...subject.ids.map((id) => storeKeyedDigest(storeId, `id:${id}`, key)),
    ...(subject.email === undefined ? [] : [storeKeyedDigest(storeId, `email:${subject.email}`, key)]),
  ]
}

/** {@link subjectDigests} under the store's key. */
export async function subjectDigestsIn(db: Kysely<Database>, storeId: string, subject: Subject): Promise<string[]> {
  return subjectDigests(storeId, subject, await guestIdKey(db, storeId))
}

/** When each of these digests was last erased from the store; digests never erased are absent. */
export async function erasureTimes(db: Kysely<Database>, storeId: string, digests: readonly string[]): Promise<Map<string, Date>> {
  if (digests.length === 0) return new Map()
  const { rows } = await sql<{ subject: string; redacted_at: Date }>`
    select subject, redacted_at from redacted_subjects where store_id = ${storeId} and subject = any(${[...digests]}::text[])`.execute(db)
  return new Map(rows.map((row) => [row.subject, row.redacted_at]))
}
