import { turnAway } from '../../auth/admin-auth.ts'
import type { StoreRateLimiter } from '../../auth/store-rate-limiter.ts'
import { recordDelivery, type ApiKeyCipher, type Db } from '@crosswise/db'
import { isWithinEra } from '@crosswise/domain'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { invalidRequest, problemSchema, unstorableText, type Problem } from '../../errors.ts'
import { findUnstorableText } from '../../unstorable-text.ts'
import { sweepExpiredDeliveries, type DeliveryRetention } from './delivery-retention.ts'
import { isShopifySignatureValid } from './hmac.ts'
import { parseJsonKeepingBigInts } from './json-big-ints.ts'
import { cachedShopLookup } from './shop-lookup.ts'
import { shopifyTopics } from './topics.ts'

const acknowledgedSchema = z.object({
  duplicate: z.boolean().describe('This delivery or merchant action was already taken in; nothing changed'),
  outcome: z.string().optional().describe('What the delivery did, e.g. `order-recorded`, `fulfilment-waiting-for-order`'),
})

const unauthorized: Problem = { error: 'unauthorized', message: 'Unknown shop or invalid X-Shopify-Hmac-Sha256 signature.' }

/** A single header value (Node joins repeats with ", "; Shopify sends each once). */
function header(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value
  return text?.trim() || undefined
}

// Shopify's clock and ours may differ a little; a delivery from further ahead is not a real one.
const clockSkewMs = 5 * 60_000

/**
 * `X-Shopify-Triggered-At`, or null when it is no time, before 1970 or in the future: a replayed
 * body dated ahead would pin the order's status time and make every real update look stale.
 */
function parseTriggeredAt(text: string): Date | null {
  const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(Number.NaN)
  return isWithinEra(at) && at.getTime() <= Date.now() + clockSkewMs ? at : null
}

/**
 * `POST /webhooks/shopify`: every subscribed topic of every connected shop. The body is kept raw
 * (this route's own content-type parser) so the signature is checked over the exact bytes before
 * anything is parsed. Then one transaction records the effect, the journey dispatches and the
 * delivery itself (unique on webhook id and on event id: a duplicate is rolled back, acknowledged
 * and ignored), and the answer goes out; Temporal is never called here. Deliveries are kept for
 * `retention.keepMs`, which is also how far back a duplicate can be recognised: one triggered
 * earlier is acknowledged as stale and changes nothing.
 */
export function shopifyWebhookRoutes(
  db: Db,
  cipher: ApiKeyCipher,
  retention: DeliveryRetention,
  rate?: StoreRateLimiter,
): FastifyPluginAsyncZod {
  return async (app) => {
    const findShop = cachedShopLookup(db, cipher, 5_000)
    const sweeper = sweepExpiredDeliveries(db, retention, app.log)
    app.addHook('onClose', async () => sweeper.stop())
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))

    app.post(
      '/webhooks/shopify',
      {
        schema: {
          summary: 'Shopify webhook',
          description: [
            'Subscribe every topic to this address: orders/create, orders/paid, orders/fulfilled, orders/partially_fulfilled,',
            'orders/cancelled, fulfillments/create, refunds/create, products/create, products/update, products/delete, customers/redact, customers/data_request, shop/redact.',
            'Signed with the app secret (X-Shopify-Hmac-Sha256); the shop is named by X-Shopify-Shop-Domain.',
          ].join(' '),
          tags: ['webhooks'],
          response: {
            200: acknowledgedSchema,
            400: problemSchema,
            401: problemSchema,
            413: problemSchema,
            415: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
        const shopDomain = header(request.headers['x-shopify-shop-domain'])?.toLowerCase()
        const signature = header(request.headers['x-shopify-hmac-sha256'])
        const shop = shopDomain && signature ? await findShop(shopDomain) : undefined
        if (!shop || !isShopifySignatureValid(raw, shop.webhookSecret, signature)) return reply.code(401).send(unauthorized)
        // Shopify retries a 429 later, so a shop over its rate loses nothing.
        const rateWaitMs = rate?.take(shop.storeId) ?? 0
        if (rateWaitMs > 0) return turnAway(reply, rateWaitMs, `Shop ${shopDomain} is over its request rate`)

        const topic = header(request.headers['x-shopify-topic'])
        const webhookId = header(request.headers['x-shopify-webhook-id'])
        const eventId = header(request.headers['x-shopify-event-id'])
        const triggered = header(request.headers['x-shopify-triggered-at'])
        const triggeredAt = triggered === undefined ? undefined : parseTriggeredAt(triggered)
        const missing = [
          ...(topic ? [] : ['x-shopify-topic']),
          ...(webhookId && webhookId.length <= 255 ? [] : ['x-shopify-webhook-id']),
          ...(triggeredAt === null ? ['x-shopify-triggered-at'] : []),
        ]
        if (!topic || !webhookId || triggeredAt === null || missing.length > 0) {
          return reply.code(400).send({
            error: 'invalid_request',
            message: `headers.${missing[0]}: is missing or invalid`,
            issues: missing.map((name) => ({ field: `headers.${name}`, message: 'is missing or invalid' })),
          } satisfies Problem)
        }

        let json: unknown
        try {
          json = parseJsonKeepingBigInts(raw.toString('utf8'))
        } catch (error) {
          return reply
            .code(400)
            .send({ error: 'invalid_json', message: `Body is not valid JSON: ${(error as Error).message}` } satisfies Problem)
        }
        // An own property only: `constructor` or `__proto__` is a topic we do not take in, not a handler.
        const handler = Object.hasOwn(shopifyTopics, topic) ? shopifyTopics[topic] : undefined
        const unstorable = findUnstorableText(json)
        if (unstorable !== undefined) return reply.code(400).send(unstorableText(unstorable ? `body.${unstorable}` : 'body'))
        const parsed = handler?.schema.safeParse(json)
        if (parsed && !parsed.success) return reply.code(400).send(invalidRequest('body', parsed.error.issues))

        const shopContext = {
          storeId: shop.storeId,
          shopDomain: shopDomain!,
          currency: shop.currency,
          ...(triggeredAt ? { triggeredAt } : {}),
        }
        const delivery = {
          storeId: shop.storeId,
          webhookId,
          topic: topic.slice(0, 200),
          ...(eventId ? { eventId: eventId.slice(0, 255) } : {}),
          ...(triggeredAt ? { triggeredAt } : {}),
        }
        // Shopify stopped retrying long before: this is a replay whose first delivery may be forgotten.
        const stale = triggeredAt !== undefined && triggeredAt.getTime() < Date.now() - retention.keepMs
        const outcome = stale
          ? await recordDelivery(db, delivery, 'ignored-stale')
          : handler
            ? await handler.takeIn(db, delivery, parsed?.data, shopContext)
            : // A topic we do not take in is still acknowledged, or Shopify would retry it for hours.
              await recordDelivery(db, delivery, 'ignored-topic')
        request.log.info({ topic, webhookId, shop: shopDomain, outcome: outcome ?? 'duplicate' }, 'shopify webhook')
        return reply.code(200).send(outcome === undefined ? { duplicate: true } : { duplicate: false, outcome })
      },
    )
  }
}
