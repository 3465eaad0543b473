import type { ColumnType } from 'kysely'

/** A store's customer: one per normalised email, guest checkouts included. */
export interface CustomerTable {
  store_id: string
  /** The platform's customer id, or `guest:{hash of store and normalised email}` for a guest. */
  id: string
  /** The platform id a guest got when they later ordered with an account: either id finds them. */
  account_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Normalised email; a tombstone (`redacted+{token}@invalid`) once the customer was redacted. */
  email: string
  first_name: ColumnType<string | null, string | null | undefined, string | null>
  last_name: ColumnType<string | null, string | null | undefined, string | null>
  /** IANA zone, when the platform knows it. */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>
  /** Marketing consent as the platform reported it; null when unknown. */
  accepts_marketing: ColumnType<boolean | null, boolean | null | undefined, boolean | null>
  redacted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: ColumnType<Date, Date | string | undefined, never>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}
