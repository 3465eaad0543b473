import type { ColumnType } from 'kysely'

/** An open or a click seen after a journey email; one row per email, kind and moment. */
export interface SendEngagementTable {
  send_key: string
  store_id: string
  kind: 'opened' | 'clicked'
  occurred_at: Date
  /** Klaviyo's `$flow` and `$message` of the email engaged with; null for rows read before they were kept. */
  flow_id: ColumnType<string | null, string | null | undefined, string | null>
  message_id: ColumnType<string | null, string | null | undefined, string | null>
}
