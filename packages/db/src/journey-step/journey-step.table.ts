import type { Generated, JSONColumnType } from 'kysely'

/** One step a journey has carried out, keyed so a retried activity records it once. */
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
