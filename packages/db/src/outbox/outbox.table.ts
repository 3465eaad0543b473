import type { ColumnType, JSONColumnType } from 'kysely'

/** The dry-run outbox: the exact Klaviyo event a send would have created, once per `unique_id`. */
export interface OutboxTable {
  unique_id: string
  store_id: string
  customer_id: string
  /** Our external id of the profile (`crosswise:{store}:{customer}`), the dry run's profile id. */
  profile_id: string
  metric: string
  event: JSONColumnType<Record<string, unknown>, string, string>
  created_at: ColumnType<Date, Date | string | undefined, never>
}
