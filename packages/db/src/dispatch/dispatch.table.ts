import type { JourneySignal } from '@crosswise/domain'
import type { ColumnType, Generated, JSONColumnType } from 'kysely'

export type DispatchStatus = 'pending' | 'done'

/**
 * The transactional outbox between ingest and Temporal: written in the same transaction as the
 * event it announces, drained by the dispatcher into signal-with-start calls.
 */
export interface DispatchTable {
  /** bigserial: pg returns int8 as a string. */
  id: ColumnType<string, never, never>
  store_id: string
  customer_id: string
  workflow_id: string
  /** The journey event's `signal`: the wire name of the journey signal the dispatch becomes. */
  kind: JourneySignal
  /** Unique per announced event, so recording the same event twice adds no second dispatch. */
  event_key: string
  /** The journey event's payload (the signal's argument minus `eventKey`); read through journeyEventSchema. */
  payload: JSONColumnType<Record<string, unknown>>
  status: Generated<DispatchStatus>
  attempts: Generated<number>
  available_at: Generated<Date>
  last_error: string | null
  created_at: Generated<Date>
  dispatched_at: Date | null
}
