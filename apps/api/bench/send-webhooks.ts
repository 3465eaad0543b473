import { Agent, request } from 'node:http'
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
  const url = new URL('/webhooks/shopify', baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency })
  const results: DeliveryResult[] = new Array(deliveries.length)
  const answered = new Map<string, Promise<void>>()
  const settle = new Map<string, () => void>()
  for (const delivery of deliveries) {
    if (delivery.kind === 'good') answered.set(delivery.webhookId, new Promise((resolve) => settle.set(delivery.webhookId, resolve)))
  }
  let next = 0
  let done = 0
  const send = (delivery: PlannedDelivery) =>
    new Promise<DeliveryResult>((resolve) => {
      const started = performance.now()
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(delivery.body),
            'x-shopify-topic': delivery.topic,
            'x-shopify-shop-domain': shop,
            'x-shopify-hmac-sha256': delivery.signature,
            'x-shopify-webhook-id': delivery.webhookId,
            'x-shopify-event-id': delivery.eventId,
            'x-shopify-triggered-at': new Date().toISOString(),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const ms = performance.now() - started
            const text = Buffer.concat(chunks).toString('utf8')
            const duplicate = res.statusCode === 200 ? (JSON.parse(text) as { duplicate: boolean }).duplicate : undefined
            resolve({ status: res.statusCode ?? 0, ms, ...(duplicate === undefined ? {} : { duplicate }) })
          })
        },
      )
      req.on('error', () => resolve({ status: 0, ms: performance.now() - started }))
      req.end(delivery.body)
    })
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
  agent.destroy()
  return { results, seconds: (performance.now() - started) / 1000 }
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
