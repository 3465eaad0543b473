import type { ColumnType } from 'kysely'

type CreatedAt = ColumnType<Date, Date | string | undefined, never>

/** Where an order came from; imported history never starts a journey. */
export type OrderSource = 'api' | 'shopify' | 'import'

export interface OrderTable {
  store_id: string
  id: string
  customer_id: string
  placed_at: ColumnType<Date, Date | string, Date | string>
  currency: string
  /** numeric: PostgreSQL returns it as a decimal string, never a float. */
  total: string
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  /** The platform's fulfilment status (Shopify: null, `partial`, `fulfilled`). */
  fulfillment_status: ColumnType<string | null, string | null | undefined, string | null>
  /** The platform's financial status (Shopify: `pending`, `paid`, `refunded`, …). */
  financial_status: ColumnType<string | null, string | null | undefined, string | null>
  source: ColumnType<OrderSource, OrderSource | undefined, OrderSource>
  /** When the platform set the status fields (Shopify's X-Shopify-Triggered-At); an older delivery leaves them. */
  status_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface OrderLineTable {
  store_id: string
  order_id: string
  line_no: number
  product_id: string
  variant_id: string | null
  title: string
  category: string | null
  quantity: number
  unit_price: string
}
