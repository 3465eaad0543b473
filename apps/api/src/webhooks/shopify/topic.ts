import type { Database } from '@crosswise/db'
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
 * How one Shopify topic is taken in: the schema of its payload and the effect it records. The effect
 * runs inside the delivery's transaction and returns the outcome noted on the delivery.
 */
export interface TopicHandler {
  readonly schema: z.ZodType
  record(trx: Transaction<Database>, payload: unknown, shop: ShopContext): Promise<string>
}

/** A handler typed by its schema. */
export function topicHandler<S extends z.ZodType>(
  schema: S,
  record: (trx: Transaction<Database>, payload: z.output<S>, shop: ShopContext) => Promise<string>,
): TopicHandler {
  return { schema, record: (trx, payload, shop) => record(trx, payload as z.output<S>, shop) }
}
