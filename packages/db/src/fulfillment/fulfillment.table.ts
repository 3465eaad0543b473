import type { ColumnType, JSONColumnType } from 'kysely'

/** One fulfilled line of a fulfilment: which product and how many. */
export interface FulfilledLine {
  productId: string
  variantId?: string
  quantity: number
}

/** A shipment of (part of) an order. Stored even before its order is known. */
export interface FulfillmentTable {
  store_id: string
  id: string
  order_id: string
  fulfilled_at: ColumnType<Date, Date | string, Date | string>
  /** Every line of the order is fulfilled; null when the platform did not say. */
  complete: boolean | null
  line_items: JSONColumnType<FulfilledLine[], string | undefined, string>
  created_at: ColumnType<Date, Date | string | undefined, never>
}
