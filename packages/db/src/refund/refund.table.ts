import type { ColumnType } from 'kysely'

/** Money given back on an order. Stored even before its order is known. */
export interface RefundTable {
  store_id: string
  id: string
  order_id: string
  refunded_at: ColumnType<Date, Date | string, Date | string>
  /** numeric: decimal string in major units. */
  amount: string
  /** The whole order is refunded; null when the platform did not say. */
  full: boolean | null
  created_at: ColumnType<Date, Date | string | undefined, never>
}
