import type { Db } from '../database.ts'
import type { StoredReviewEntry } from './pairing-review.table.ts'

export type { StoredReviewEntry }

export interface StoredPairingReview {
  id: string
  storeId: string
  reviewedAt: Date
  options: Record<string, unknown>
  entries: StoredReviewEntry[]
}

/**
 * Keeps a review and retires the pairings it retired, in one transaction; a pairing retired before
 * keeps its first retirement. Returns the review's id.
 */
export async function savePairingReview(
  db: Db,
  review: { storeId: string; reviewedAt: Date; options: Record<string, unknown>; entries: StoredReviewEntry[] },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('pairing_reviews')
      .values({
        store_id: review.storeId,
        reviewed_at: review.reviewedAt,
        options: JSON.stringify(review.options),
        entries: JSON.stringify(review.entries),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const retired = review.entries.filter((entry) => entry.verdict === 'retire')
    if (retired.length > 0) {
      await trx
        .insertInto('retired_pairings')
        .values(
          retired.map((entry) => ({
            store_id: review.storeId,
            pairing_id: entry.pairingId,
            review_id: id,
            reason: entry.reason,
            retired_at: review.reviewedAt,
          })),
        )
        .onConflict((oc) => oc.columns(['store_id', 'pairing_id']).doNothing())
        .execute()
    }
    return id
  })
}

/** The store's newest review, if it has one. */
export async function latestPairingReview(db: Db, storeId: string): Promise<StoredPairingReview | undefined> {
  const row = await db
    .selectFrom('pairing_reviews')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('reviewed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    storeId: row.store_id,
    reviewedAt: row.reviewed_at,
    options: row.options,
    entries: row.entries as unknown as StoredReviewEntry[],
  }
}

/** The ids of the pairings a store's reviews retired. */
export async function retiredPairingIds(db: Db, storeId: string): Promise<string[]> {
  const rows = await db.selectFrom('retired_pairings').select('pairing_id').where('store_id', '=', storeId).orderBy('pairing_id').execute()
  return rows.map((row) => row.pairing_id)
}
