import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { signShopifyBody } from '../src/webhooks/shopify/hmac.ts'

/** A Shopify fixture's raw text: ids above 2^53 stay JSON numbers, as Shopify sends them. */
export function shopifyFixture(name: string, replacements: Record<string, string> = {}): string {
  let text = readFileSync(new URL(`./fixtures/shopify/${name}.json`, import.meta.url), 'utf8')
  for (const [from, to] of Object.entries(replacements)) text = text.replaceAll(from, to)
  return text
}

/** The ids the fixtures use, as decimal text (they exceed 2^53). */
export const fixtureIds = {
  order: '9223372036854775001',
  customer: '9223372036854770042',
  fulfillment: '9223372036854774001',
  refund: '9223372036854776001',
  kettle: '9223372036854772001',
  filters: '8123456789012',
}

export interface DeliveryOptions {
  topic: string
  shop: string
  secret: string
  webhookId?: string
  eventId?: string
  signature?: string | null
  contentType?: string
  /** X-Shopify-Triggered-At; default now. */
  triggeredAt?: Date
}

/** The headers Shopify sends with a delivery, signed over `body` unless `signature` overrides it. */
export function shopifyHeaders(body: string, options: DeliveryOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-shopify-topic': options.topic,
    'x-shopify-shop-domain': options.shop,
    'x-shopify-webhook-id': options.webhookId ?? randomUUID(),
    'x-shopify-event-id': options.eventId ?? randomUUID(),
    'x-shopify-triggered-at': (options.triggeredAt ?? new Date()).toISOString(),
    'x-shopify-api-version': '2026-10',
  }
  const signature = options.signature === undefined ? signShopifyBody(body, options.secret) : options.signature
  if (signature !== null) headers['x-shopify-hmac-sha256'] = signature
  return headers
}
