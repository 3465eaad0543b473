import type { SegmentPriceBands } from '@crosswise/domain'
import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** Where a model version is in its life: written, served, or kept as the one before. */
export type PairingModelStatus = 'building' | 'current' | 'previous'

/** One version of a store's mined pairings: what it was mined from and with which options. */
export interface PairingModelTable {
  /** bigserial: PostgreSQL returns it as a string. */
  id: Generated<string>
  store_id: string
  status: PairingModelStatus
  order_count: number
  product_count: number
  pairing_count: ColumnType<number, number | undefined, number>
  params: JSONColumnType<Record<string, unknown>, string | undefined, string>
  created_at: ColumnType<Date, Date | string | undefined, never>
}

/** A mined "bought X → recommend Y" of one model version, with the counts behind it. */
export interface MinedPairingTable {
  model_id: string
  store_id: string
  trigger_product_id: string
  /** 1 = the trigger's best partner in this version. */
  rank: number
  recommended_product_id: string
  score: number
  /** Orders holding both products. */
  support: number
  /** support / trigger_orders. */
  confidence: number
  lift: number
  trigger_orders: number
  recommended_orders: number
  next_order_count: number
  reason: string
}

/** A store's rules for mined pairings. */
export interface RecommendationRulesTable {
  store_id: string
  incompatible_categories: JSONColumnType<[string, string][], string | undefined, string>
  min_support: ColumnType<number, number | undefined, number>
  min_lift: ColumnType<number, number | undefined, number>
  /** Decimal strings in major units, like products.price. */
  price_bands: JSONColumnType<SegmentPriceBands, string | undefined, string>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}
