import { Pool } from 'undici'
import type { PlannedDelivery } from './webhook-plan.ts'

/** How one delivery was answered. */
export interface DeliveryResult {
  status: number
  duplicate?: boolean
  /** Milliseconds from sending to the full answer. */
  ms: number
}

/**
 * Sends deliveries to `POST /webhooks/shopify` with `concurrency` requests in flight over keep-alive
 * connections, as Shopify's delivery workers would; a delivery with `after` waits for that one's answer.
 * Network errors are answered with status 0 (the caller decides whether that is a failure).
 */
export async function sendWebhooks(
  baseUrl: string,
  shop: string,
  deliveries: readonly PlannedDelivery[],
  options: { concurrency: number; onAnswered?: (answered: number) => void },
): Promise<{ results: DeliveryResult[]; seconds: number }> {
  // undici's pool: the load generator shares the machine's cores with the API and PostgreSQL, and
  // it costs them less CPU per request than node:http.
  const pool = new Pool(baseUrl, { connections: options.concurrency, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 })
  const results: DeliveryResult[] = new Array(deliveries.length)
  const answered = new Map<string, Promise<void>>()
  const settle = new Map<string, () => void>()
  for (const delivery of deliveries) {
    if (delivery.kind === 'good') answered.set(delivery.webhookId, new Promise((resolve) => settle.set(delivery.webhookId, resolve)))
  }
  let next = 0
  let done = 0
  const send = async (delivery: PlannedDelivery): Promise<DeliveryResult> => {
    const started = performance.now()
    try {
      const { statusCode, body } = await pool.request({
        path: '/webhooks/shopify',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': delivery.topic,
          'x-shopify-shop-domain': shop,
          'x-shopify-hmac-sha256': delivery.signature,
          'x-shopify-webhook-id': delivery.webhookId,
          'x-shopify-event-id': delivery.eventId,
          'x-shopify-triggered-at': new Date().toISOString(),
        },
        body: delivery.body,
      })
      const text = await body.text()
      const ms = performance.now() - started
      const duplicate = statusCode === 200 ? (JSON.parse(text) as { duplicate: boolean }).duplicate : undefined
      return { status: statusCode, ms, ...(duplicate === undefined ? {} : { duplicate }) }
    } catch {
      return { status: 0, ms: performance.now() - started }
    }
  }
  const started = performance.now()
  const worker = async () => {
    while (next < deliveries.length) {
      const index = next++
      const delivery = deliveries[index]!
      if (delivery.after) await answered.get(delivery.after)
      results[index] = await send(delivery)
      if (delivery.kind === 'good') settle.get(delivery.webhookId)?.()
      options.onAnswered?.(++done)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  await pool.destroy()
  return { results, seconds: (performance.now() - started) / 1000 }
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
