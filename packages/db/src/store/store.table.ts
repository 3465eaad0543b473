import type { ColumnType, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** A shop Crosswise serves; every other row carries its id. */
export interface StoreTable {
  id: string
  name: string
  /** ISO 4217 code of the store's own currency. */
  currency: ColumnType<string, string | undefined, string>
  /** IANA zone used for customers whose own zone is unknown. */
  time_zone: ColumnType<string, string | undefined, string>
  /** The store's JourneyPolicy as set; read through parseStorePolicy (defaults fill the gaps). */
  policy: JSONColumnType<Record<string, unknown>, string | undefined, string>
  /** `example.myshopify.com`; the shop a Shopify webhook names in X-Shopify-Shop-Domain. */
  shopify_domain: string | null
  /** The app's client secret that signs this shop's webhooks. */
  shopify_webhook_secret: string | null
  /** Keys the HMAC that makes guests' ids; null for stores created before it existed (plain SHA-256). */
  guest_id_key: ColumnType<string | null, never, never>
  /** SHA-256 (hex) of the store's API bearer token. */
  api_token_hash: string | null
  /** Page address of products without their own URL, with `{handle}` and/or `{id}` in it. */
  product_url_template: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  updated_at: Timestamp
}
