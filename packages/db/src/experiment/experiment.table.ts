import type { ColumnType, JSONColumnType } from 'kysely'
import type { Experiment } from '@crosswise/domain'

/** A store's experiments; at most one runs (no `stopped_at`) at a time. */
export interface ExperimentTable {
  store_id: string
  id: string
  definition: JSONColumnType<Experiment, string, string>
  started_at: ColumnType<Date, Date | string | undefined, never>
  stopped_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  /** The variant promoted when it stopped, if one was. */
  winner: string | null
}
