import type { ColumnType } from 'kysely'

/** An email that led to a purchase of what it recommended; one per email. */
export interface ConversionTable {
  send_key: string
  store_id: string
  customer_id: string
  /** The journey's trigger order. */
  order_id: string
  pairing_id: string
  purchase_order_id: string | null
  converted_at: ColumnType<Date, Date | string | undefined, never>
}
