import type { ColumnType } from 'kysely'

type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export interface StoreTable {
  id: string
  name: string
  created_at: CreatedAt
}

export interface CustomerTable {
  store_id: string
  id: string
  email: string
  created_at: CreatedAt
}

export interface OrderTable {
  store_id: string
  id: string
  customer_id: string
  placed_at: ColumnType<Date, Date | string, Date | string>
  currency: string
  /** numeric: PostgreSQL returns it as a decimal string, never a float. */
  total: string
  created_at: CreatedAt
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

