import type { ColumnType } from 'kysely'

/** A journey's holdout assignment, recorded once per trigger order for lift measurement. */
export interface HoldoutAssignmentTable {
  store_id: string
  order_id: string
  customer_id: string
  held_out: boolean
  position: number
  share: number
  assigned_at: ColumnType<Date, Date | string | undefined, never>
}
