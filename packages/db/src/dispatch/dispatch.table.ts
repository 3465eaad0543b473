import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/**
 * What a dispatch delivers to a journey: the wire name of the journey signal it becomes
 * (see packages/journeys/src/messages.ts). The payload is that signal's argument minus `eventKey`.
 */
export type DispatchKind = 'orderPlaced' | 'orderFulfilled' | 'orderCancelled' | 'orderRefunded' | 'customerRedacted'

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
  kind: DispatchKind
  /** Unique per announced event, so recording the same event twice adds no second dispatch. */
  event_key: string
  payload: JSONColumnType<Record<string, unknown>>
  status: Generated<DispatchStatus>
  attempts: Generated<number>
  available_at: Generated<Date>
  last_error: string | null
  created_at: Generated<Date>
  dispatched_at: Date | null
}
