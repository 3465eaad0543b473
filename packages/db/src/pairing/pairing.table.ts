import type { ColumnType } from 'kysely'

/** A store's own "X goes with Y": recommend `recommended_product_id` after `trigger_product_id`. */
export interface PairingTable {
  store_id: string
  trigger_product_id: string
  recommended_product_id: string
  /** Higher first. */
  priority: ColumnType<number, number | undefined, number>
  created_at: ColumnType<Date, Date | string | undefined, never>
}
