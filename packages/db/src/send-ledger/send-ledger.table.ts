import type { ColumnType, JSONColumnType } from 'kysely'

/** Where one journey email stands in the ledger. */
export type SendStatus = 'sending' | 'sent' | 'no-consent' | 'held-out' | 'unavailable' | 'rejected'

/**
 * The send ledger: one row per journey email (or refusal to send one), keyed by the step's
 * idempotency key. A 202 from Klaviyo is not a delivery; this is our own record of what we asked for.
 */
export interface SendLedgerTable {
  send_key: string
  store_id: string
  customer_id: string
  order_id: string
  step: string
  kind: string | null
  pairing_id: string | null
  /** Where the pick came from: `manual`, `mined`, `best-seller` or `store-best-seller`. */
  pairing_source: string | null
  product_ids: JSONColumnType<string[], string | undefined, string>
  status: SendStatus
  reason: string | null
  /** 'klaviyo' or 'outbox' (dry run). */
  channel: string | null
  /** Klaviyo's profile id (or the dry run's external id) the email went to. */
  profile_id: string | null
  /** The experiment and variant the email went out under; null outside experiments. */
  experiment_id: string | null
  variant_id: string | null
  /** The customer's segment as the journey classified them; null for emails sent before it was kept. */
  segment: string | null
  /** Whose consent let the email go: `klaviyo` (the profile's) or `order` (given with the order); null before it was kept. */
  consent_source: ColumnType<string | null, string | null | undefined, string | null>
  /** The whole pick the email went out with (a fall-through may have replaced the journey's); null before it was kept. */
  pick: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
  created_at: ColumnType<Date, Date | string | undefined, never>
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}
