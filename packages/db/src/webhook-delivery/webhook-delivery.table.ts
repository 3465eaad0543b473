import type { ColumnType } from 'kysely'

/** One accepted webhook delivery; its unique keys turn a redelivery into a no-op. */
export interface WebhookDeliveryTable {
  /** bigserial: pg returns int8 as a string. */
  id: ColumnType<string, never, never>
  store_id: string
  /** X-Shopify-Webhook-Id: one delivery, the same on every retry of it. */
  webhook_id: string
  /** X-Shopify-Event-Id: one merchant action. */
  event_id: string | null
  topic: string
  /** X-Shopify-Triggered-At. */
  triggered_at: Date | null
  received_at: ColumnType<Date, Date | string | undefined, never>
  /** What the delivery did, e.g. `order-recorded`, `fulfilment-waiting-for-order`, `ignored`. */
  outcome: string
}
