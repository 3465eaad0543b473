import type { ColumnType } from 'kysely'

/** What a customer did with a dry-run email, as recorded through the admin API. */
export type DryRunEngagementKind = 'opened' | 'clicked' | 'purchased'

/** Engagement with dry-run sends (Klaviyo records its own for real ones); one row per send and kind. */
export interface DryRunEngagementTable {
  send_key: string
  kind: DryRunEngagementKind
  store_id: string
  profile_id: string
  occurred_at: ColumnType<Date, Date | string | undefined, never>
}
