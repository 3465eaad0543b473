import type { ColumnType, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** A store's access to its shop's Shopify Admin API, for the catalogue sync. */
export interface ShopifyConnectionTable {
  store_id: string
  /** `example.myshopify.com`; always the store's own `shopify_domain`. */
  shop_domain: string
  /** The Admin API access token as `ApiKeyCipher.seal` wrote it: encrypted, or marked plain without a secret. */
  access_token_sealed: string
  /** Last four characters of the token, to recognise it without revealing it. */
  access_token_last4: string
  /** Admin API version the sync speaks, e.g. `2026-10`. */
  api_version: string
  last_synced_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  /** The last sync's summary (`CatalogueSyncSummary`). */
  last_sync: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
  created_at: ColumnType<Date, Date | string | undefined, never>
  updated_at: Timestamp
}
