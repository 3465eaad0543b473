// Builders for the commerce data a journey reads: a store with its policy, orders, products, pairings.
import { ensureStore, recordOrder, saveManualPairings, upsertProduct, type Db, type ManualPairing } from '@crosswise/db'
import { journeyPolicySchema, orderSchema, productSchema, type JourneyPolicyInput, type OrderInput } from '@crosswise/domain'
import { sql } from 'kysely'

/**
 * A policy without waits: no delay, no fulfilment wait, the whole day a send window, no engagement
 * wait. A journey sends its first email and, unopened, one alternative, then ends.
 */
export const noWaitPolicy = {
  delayMs: { 'first-time': 0, repeat: 0, vip: 0 },
  sendWindow: { startHour: 0, endHour: 24 },
  fulfillment: { timeoutMs: 0, onTimeout: 'proceed' },
  frequencyCap: { maxEmails: 100, windowMs: 60_000, minGapMs: 0 },
  holdoutShare: 0,
  engagement: { waitMs: 0, followUpDelayMs: 0, onNotOpened: 'alternative-pairing' },
} satisfies JourneyPolicyInput

/** Creates a store with a journey policy (defaults fill the rest). */
export async function givenStore(db: Db, storeId: string, policy: JourneyPolicyInput = {}, timeZone = 'UTC'): Promise<void> {
  await ensureStore(db, storeId, { name: storeId, currency: 'EUR' })
  await sql`update stores set policy = ${JSON.stringify(journeyPolicySchema.parse(policy))}::jsonb, time_zone = ${timeZone} where id = ${storeId}`.execute(
    db,
  )
}

/** Records an order of a customer (by email) with one line per product; returns the customer id. */
export async function givenOrder(
  db: Db,
  storeId: string,
  orderId: string,
  email: string,
  productIds: string[],
  overrides: Partial<OrderInput> = {},
): Promise<string> {
  const order = orderSchema.parse({
    orderId,
    customer: { email },
    currency: 'EUR',
    placedAt: new Date().toISOString(),
    lineItems: productIds.map((productId) => ({
      productId,
      title: `Product ${productId}`,
      category: 'tea',
      quantity: 1,
      unitPrice: '10.00',
    })),
    ...overrides,
  })
  const recorded = await recordOrder(db, storeId, order)
  if (recorded.erased) throw new Error(`order ${order.orderId}: its customer was erased`)
  return recorded.customerId
}

/** Puts products in the catalogue: available, in category `tea` (null: none), at 12.50, with a page, unless overridden. */
export async function givenProducts(
  db: Db,
  storeId: string,
  productIds: string[],
  overrides: { available?: boolean; category?: string | null; price?: string } = {},
): Promise<void> {
  const category = overrides.category === undefined ? 'tea' : overrides.category
  for (const productId of productIds) {
    await upsertProduct(
      db,
      storeId,
      productSchema.parse({
        productId,
        title: `Product ${productId}`,
        ...(category === null ? {} : { category }),
        price: overrides.price ?? '12.50',
        currency: 'EUR',
        available: overrides.available ?? true,
        url: `https://shop.example/products/${productId}`,
        updatedAt: new Date().toISOString(),
      }),
    )
  }
}

/** Saves manual pairings `trigger → recommended` with descending priority in the given order. */
export async function givenPairings(db: Db, storeId: string, pairs: Array<[string, string]>): Promise<void> {
  const pairings: ManualPairing[] = pairs.map(([triggerProductId, recommendedProductId], index) => ({
    triggerProductId,
    recommendedProductId,
    priority: pairs.length - index,
  }))
  await saveManualPairings(db, storeId, pairings)
}
