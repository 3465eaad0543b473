import type { Generated, JSONColumnType } from 'kysely'

/**
 * One step of the walking-skeleton journey. Superseded by the send ledger (`journey_sends`, issue 5):
 * nothing writes it any more; the table stays because migrations are never edited.
 */
export interface JourneyStepTable {
  step_key: string
  workflow_id: string
  run_id: string
  store_id: string
  customer_id: string
  order_id: string
  step: string
  detail: JSONColumnType<Record<string, unknown>>
  recorded_at: Generated<Date>
}
