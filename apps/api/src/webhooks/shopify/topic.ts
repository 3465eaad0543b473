import { takeInDelivery, type Database, type Db, type WebhookDelivery } from '@crosswise/db'
import type { Transaction } from 'kysely'
import type { z } from 'zod'

/** The store a verified delivery belongs to. */
export interface ShopContext {
  storeId: string
  shopDomain: string
  /** The store's currency: Shopify's product payloads carry none. */
  currency: string
  /** When Shopify triggered the delivery (X-Shopify-Triggered-At), the same on every retry of it. */
  triggeredAt?: Date
}

/**
 * How one Shopify topic is taken in: the schema of its payload, and `takeIn`, which records the
 * effect together with the delivery and returns the outcome noted on it (e.g. `order-recorded`), or
 * undefined when the delivery is a duplicate and nothing changed.
 */
export interface TopicHandler {
  readonly schema: z.ZodType
  takeIn(db: Db, delivery: WebhookDelivery, payload: unknown, shop: ShopContext): Promise<string | undefined>
}

/** A handler whose effect runs statements inside the delivery's transaction. */
export function topicHandler<S extends z.ZodType>(
  schema: S,
  record: (trx: Transaction<Database>, payload: z.output<S>, shop: ShopContext) => Promise<string>,
): TopicHandler {
  return {
    schema,
    takeIn: (db, delivery, payload, shop) => takeInDelivery(db, delivery, (trx) => record(trx, payload as z.output<S>, shop)),
  }
}

/**
 * A handler that takes a delivery in with a single statement of its own (one round trip to
 * PostgreSQL instead of a transaction's several), for the topics whose effect is one statement: a
 * product's upsert, a call of `record_order`, `record_fulfillment` or `record_refund`.
 */
export function singleStatementHandler<S extends z.ZodType>(
  schema: S,
  takeIn: (db: Db, delivery: WebhookDelivery, payload: z.output<S>, shop: ShopContext) => Promise<string | undefined>,
): TopicHandler {
  return { schema, takeIn: (db, delivery, payload, shop) => takeIn(db, delivery, payload as z.output<S>, shop) }
}
