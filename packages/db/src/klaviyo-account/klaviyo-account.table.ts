import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** A store's own Klaviyo account: its private API key (sealed) and the metric its flow listens to. */
export interface KlaviyoAccountTable {
  store_id: string
  /** The private key as `ApiKeyCipher.seal` wrote it: encrypted, or marked plain without a secret. */
  api_key_sealed: string
  /** Last four characters of the key, to recognise it without revealing it. */
  api_key_last4: string
  metric_name: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  updated_at: Timestamp
}
