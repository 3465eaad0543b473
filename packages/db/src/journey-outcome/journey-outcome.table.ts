import type { ColumnType, JSONColumnType } from 'kysely'

/** How one journey run ended: one row per Temporal run, recorded from the runs Temporal lists as closed. */
export interface JourneyOutcomeTable {
  run_id: string
  store_id: string
  customer_id: string
  /** Null when the run's result does not name it (a run that restarted, failed or was terminated). */
  trigger_order_id: string | null
  segment: string | null
  /** The journey's end reason (`converted`, `not-opened`, ...), or how Temporal closed the run (`restarted`, `failed`, ...). */
  outcome: string
  emails_sent: ColumnType<number, number | undefined, number>
  pairing_ids: JSONColumnType<string[], string | undefined, string>
  started_at: Date
  closed_at: Date
}

/** Up to when closed runs were recorded, and who may record next (a lease). One row. */
export interface JourneyOutcomeMarkTable {
  id: ColumnType<boolean, boolean | undefined, never>
  recorded_until: Date
  leased_until: Date
}
