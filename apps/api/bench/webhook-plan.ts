import { randomUUID } from 'node:crypto'
import { seededRandom } from '@crosswise/domain'
import { signShopifyBody } from '../src/webhooks/shopify/hmac.ts'

/** One delivery to send: a topic, its raw body and its headers' ids. */
export interface PlannedDelivery {
  topic: string
  body: string
  webhookId: string
  eventId: string
  /** `good`: first delivery of an event; `duplicate`: a redelivery of one; `forged`: signed with another secret. */
  kind: 'good' | 'duplicate' | 'forged'
  signature: string
  /** Webhook id of the delivery that must be answered first (a cancellation waits for its order). */
  after?: string
}

/** What the good deliveries of a plan must leave behind, each exactly once. */
export interface PlannedEffects {
  orders: number
  fulfillments: number
  refunds: number
  cancellations: number
  products: number
  redactions: number
  /** Distinct good deliveries (what webhook_deliveries must hold). */
  deliveries: number
  dispatches: { orderPlaced: number; orderFulfilled: number; orderRefunded: number; orderCancelled: number }
}

export interface WebhookPlan {
  deliveries: PlannedDelivery[]
  expected: PlannedEffects
}

// Shopify ids above 2^53, written into the JSON text as bare numbers, as Shopify sends them.
const bigId = (base: bigint, index: number) => String(base + BigInt(index))
const orderId = (index: number) => bigId(9_007_199_254_800_000n, index)
const customerId = (index: number) => bigId(9_007_199_254_900_000n, index)
const fulfillmentId = (index: number) => bigId(9_007_199_255_000_000n, index)
const refundId = (index: number) => bigId(9_007_199_255_100_000n, index)
const productId = (index: number) => bigId(9_007_199_255_200_000n, index)

const iso = (ms: number) => new Date(ms).toISOString()
const day = 86_400_000
const start = Date.parse('2026-11-01T00:00:00Z')

function orderBody(index: number, customer: number, products: number[], cancelled: boolean): string {
  const lines = products
    .map(
      (product, line) =>
        `{"id":${bigId(9_007_199_255_300_000n, index * 4 + line)},"product_id":${productId(product)},"variant_id":${bigId(9_007_199_255_400_000n, product)},"title":"Product ${product}","quantity":${1 + (line % 2)},"price":"${(5 + (product % 40)).toFixed(2)}","sku":"SKU-${product}","vendor":"Load"}`,
    )
    .join(',')
  return (
    `{"id":${orderId(index)},"name":"#${1000 + index}","email":"customer${customer}@example.com","created_at":"${iso(start + index * 60_000)}",` +
    `"currency":"EUR","total_price":"${(products.length * 30).toFixed(2)}","financial_status":"paid","fulfillment_status":null,` +
    `"cancelled_at":${cancelled ? `"${iso(start + index * 60_000 + day)}"` : 'null'},"cancel_reason":${cancelled ? '"customer"' : 'null'},` +
    `"customer":{"id":${customerId(customer)},"email":"customer${customer}@example.com","first_name":"First${customer}","last_name":"Last${customer}","email_marketing_consent":{"state":"subscribed"}},` +
    `"line_items":[${lines}],"fulfillments":[],"refunds":[]}`
  )
}

function fulfillmentBody(index: number, order: number, products: number[]): string {
  const lines = products.map(
    (product, line) =>
      `{"id":${bigId(9_007_199_255_300_000n, order * 4 + line)},"product_id":${productId(product)},"quantity":${1 + (line % 2)}}`,
  )
  return `{"id":${fulfillmentId(index)},"order_id":${orderId(order)},"status":"success","created_at":"${iso(start + order * 60_000 + day)}","tracking_company":"DHL","line_items":[${lines.join(',')}]}`
}

function refundBody(index: number, order: number): string {
  return `{"id":${refundId(index)},"order_id":${orderId(order)},"created_at":"${iso(start + order * 60_000 + 3 * day)}","transactions":[{"kind":"refund","status":"success","amount":"10.00","gateway":"shopify_payments"}],"refund_line_items":[]}`
}

function productBody(product: number, version: number, available: boolean): string {
  return `{"id":${productId(product)},"title":"Product ${product}","product_type":"Category ${product % 12}","handle":"product-${product}","status":"active","published_at":"2025-01-01T00:00:00Z","updated_at":"${iso(start + version * 1000)}","variants":[{"price":"${(5 + (product % 40)).toFixed(2)}","inventory_management":"shopify","inventory_policy":"deny","inventory_quantity":${available ? 10 : 0}}],"images":[{"src":"https://cdn.example.com/p/${product}.jpg"}]}`
}

/**
 * A mixed Shopify delivery stream of `total` webhooks for one shop: product updates (about half),
 * orders (some paid again later, some cancelled, some refunded), fulfilments (a third of them before
 * their order) and GDPR redactions, plus 5 % redeliveries and 2 % deliveries signed with the wrong secret. Events
 * of one order sit far apart in the stream, so senders with up to ~50 requests in flight keep them
 * in stream order, except the planned early fulfilments.
 */
export function planWebhooks(total: number, secret: string, seed = 7): WebhookPlan {
  const rand = seededRandom(seed)
  const duplicates = Math.round(total * 0.05)
  const forged = Math.round(total * 0.02)
  const unique = total - duplicates - forged
  const customers = Math.max(1, Math.round(unique / 5))
  const events: Array<{ at: number; topic: string; body: string; order?: number; cancels?: number }> = []
  const expected: PlannedEffects = {
    orders: 0,
    fulfillments: 0,
    refunds: 0,
    cancellations: 0,
    products: 0,
    redactions: 0,
    deliveries: unique,
    dispatches: { orderPlaced: 0, orderFulfilled: 0, orderRefunded: 0, orderCancelled: 0 },
  }
  const productsSeen = new Set<number>()
  const customersWithOrders = new Set<number>()
  // Events are laid out on a line of "slots"; each order owns one, its follow-ups sit 40 slots away.
  // Most slots are product updates: Shopify fires products/update on every stock change, so it is
  // the busiest topic of a real shop.
  const redactionShare = 0.01
  for (let slot = 0; events.length < unique * (1 - redactionShare); slot++) {
    const roll = rand()
    if (roll < 0.7) {
      const product = Math.floor(rand() * 300)
      productsSeen.add(product)
      events.push({ at: slot, topic: 'products/update', body: productBody(product, slot, rand() > 0.1) })
      continue
    }
    const order = expected.orders++
    const customer = Math.floor(rand() * customers)
    customersWithOrders.add(customer)
    const products = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => Math.floor(rand() * 300))
    events.push({ at: slot, topic: 'orders/create', body: orderBody(order, customer, products, false), order })
    expected.dispatches.orderPlaced++
    const fate = rand()
    if (fate < 0.06) {
      events.push({ at: slot + 80, topic: 'orders/cancelled', body: orderBody(order, customer, products, true), cancels: order })
      expected.cancellations++
      expected.dispatches.orderCancelled++
      continue
    }
    if (fate < 0.16) events.push({ at: slot + 20, topic: 'orders/paid', body: orderBody(order, customer, products, false) })
    if (fate < 0.8) {
      const early = rand() < 0.33
      events.push({
        at: early ? slot - 40 : slot + 40,
        topic: 'fulfillments/create',
        body: fulfillmentBody(expected.fulfillments++, order, products),
      })
      expected.dispatches.orderFulfilled++
    }
    if (fate > 0.9) {
      events.push({ at: slot + 120, topic: 'refunds/create', body: refundBody(expected.refunds++, order) })
      expected.dispatches.orderRefunded++
    }
  }
  // Redactions come last, for customers who have orders: each queues that customer's journey for erasure.
  const end = events.reduce((max, event) => Math.max(max, event.at), 0) + 200
  const redactable = [...customersWithOrders]
  while (events.length < unique && expected.redactions < redactable.length) {
    const customer = redactable[expected.redactions++]!
    events.push({
      at: end + expected.redactions,
      topic: 'customers/redact',
      body: `{"shop_id":1,"shop_domain":"load.myshopify.com","customer":{"id":${customerId(customer)},"email":"customer${customer}@example.com","phone":null},"orders_to_redact":[]}`,
    })
  }
  expected.deliveries = events.length
  expected.products = productsSeen.size
  events.sort((a, b) => a.at - b.at)

  const created = new Map<number, string>()
  const deliveries: PlannedDelivery[] = events.map(({ topic, body, order }) => {
    const delivery = {
      topic,
      body,
      webhookId: randomUUID(),
      eventId: randomUUID(),
      kind: 'good' as const,
      signature: signShopifyBody(body, secret),
    }
    if (order !== undefined) created.set(order, delivery.webhookId)
    return delivery
  })
  // A cancellation is the one event whose order matters: arriving before its order, the order would
  // be stored as cancelled and start no journey (right, but not the effect this plan counts).
  for (const [index, event] of events.entries()) {
    if (event.cancels !== undefined) deliveries[index]!.after = created.get(event.cancels)!
  }
  // Redeliveries land a little later than their original: half reuse the webhook id (a retry), half
  // only the event id (the same action delivered again).
  for (let index = 0; index < duplicates; index++) {
    const original = Math.floor(rand() * deliveries.length)
    const copy = deliveries[original]!
    const duplicate: PlannedDelivery = { ...copy, kind: 'duplicate', ...(index % 2 ? { webhookId: randomUUID() } : {}) }
    deliveries.splice(Math.min(deliveries.length, original + 1 + Math.floor(rand() * 100)), 0, duplicate)
  }
  // Forged deliveries are orders nobody else mentions: one slipping through would show in the counts.
  for (let index = 0; index < forged; index++) {
    const body = orderBody(1_000_000 + index, 999_999, [1], false)
    deliveries.splice(Math.floor(rand() * deliveries.length), 0, {
      topic: 'orders/create',
      body,
      webhookId: randomUUID(),
      eventId: randomUUID(),
      kind: 'forged',
      signature: signShopifyBody(body, `${secret}-forged`),
    })
  }
  return { deliveries, expected }
}
