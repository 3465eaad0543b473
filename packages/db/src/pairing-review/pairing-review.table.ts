import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** One verdict of a review, as stored. */
export interface StoredReviewEntry {
  pairingId: string
  source: string | null
  sends: number
  conversions: number
  verdict: string
  reason: string
}

/** One run of the monthly pairing review, with every verdict it gave. */
export interface PairingReviewTable {
  id: Generated<string>
  store_id: string
  reviewed_at: ColumnType<Date, Date | string, never>
  /** The thresholds it judged by. */
  options: JSONColumnType<Record<string, unknown>, string, never>
  /** Every pairing it read: sends, conversions, verdict and reason. */
  entries: JSONColumnType<StoredReviewEntry[], string, never>
}

/** A pairing a review retired: the journeys' picks leave it out. */
export interface RetiredPairingTable {
  store_id: string
  pairing_id: string
  review_id: string
  reason: string
  retired_at: ColumnType<Date, Date | string | undefined, never>
}
