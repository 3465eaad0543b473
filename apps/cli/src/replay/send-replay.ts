import { createHmac } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ReplayDelivery, ReplayPlan } from './replay-plan.ts'

/** Where and how fast a replay is sent. */
export interface ReplayTarget {
  /** The Crosswise API, e.g. `http://127.0.0.1:3000`. */
  apiUrl: string
  /** The store's shop domain (`X-Shopify-Shop-Domain`) and the app secret that signs its webhooks. */
  shopDomain: string
  secret: string
  /** Real seconds per day of data time; 0 sends as fast as the API answers. */
  secondsPerDay: number
  /** Requests in flight. */
  concurrency?: number
  /** Deadline of one request. */
  timeoutMs?: number
  onAnswered?: (answered: number, total: number) => void
  signal?: AbortSignal
}

/** How the API answered a replay, by kind of delivery; every count but `accepted`, `recognised` and `refused` is a fault. */
export interface ReplayAnswers {
  accepted: number
  /** Good deliveries the API did not take (any answer but 200, or none). */
  failed: number
  /** Redeliveries answered as duplicates. */
  recognised: number
  /** Redeliveries taken as new. */
  duplicatesTaken: number
  /** Forged deliveries refused (401). */
  refused: number
  /** Forged deliveries not refused. */
  forgeriesTaken: number
  /** The first few unexpected answers, for the report. */
  problems: string[]
  seconds: number
}

function signed(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64')
}

/**
 * Sends a replay's deliveries to `POST /webhooks/shopify` as Shopify would: signed, with its headers,
 * `concurrency` at a time, each no earlier than its data time scaled by `secondsPerDay`, and a
 * redelivery only after its original was answered.
 */
export async function sendReplay(plan: ReplayPlan, target: ReplayTarget): Promise<ReplayAnswers> {
  const answers: ReplayAnswers = {
    accepted: 0,
    failed: 0,
    recognised: 0,
    duplicatesTaken: 0,
    refused: 0,
    forgeriesTaken: 0,
    problems: [],
    seconds: 0,
  }
  const started = Date.now()
  const answered = new Map<string, Promise<void>>()
  const settle = new Map<string, () => void>()
  for (const delivery of plan.deliveries) {
    if (delivery.kind === 'good') answered.set(delivery.webhookId, new Promise((resolve) => settle.set(delivery.webhookId, resolve)))
  }
  const problem = (delivery: ReplayDelivery, what: string) => {
    if (answers.problems.length < 10) answers.problems.push(`${delivery.kind} ${delivery.topic} ${delivery.orderId ?? ''}: ${what}`)
  }

  const send = async (delivery: ReplayDelivery): Promise<void> => {
    const body = delivery.body(new Date())
    const secret = delivery.kind === 'forged' ? `${target.secret}-forged` : target.secret
    let status = 0
    let duplicate: boolean | undefined
    try {
      const response = await fetch(`${target.apiUrl}/webhooks/shopify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': delivery.topic,
          'x-shopify-shop-domain': target.shopDomain,
          'x-shopify-hmac-sha256': signed(body, secret),
          'x-shopify-webhook-id': delivery.webhookId,
          'x-shopify-event-id': delivery.eventId,
          'x-shopify-triggered-at': new Date().toISOString(),
          'x-shopify-api-version': '2026-10',
        },
        body,
        signal: AbortSignal.timeout(target.timeoutMs ?? 10_000),
      })
      status = response.status
      const text = await response.text()
      if (status === 200) duplicate = (JSON.parse(text) as { duplicate?: boolean }).duplicate === true
      else if (delivery.kind !== 'forged') problem(delivery, `${status} ${text.slice(0, 200)}`)
    } catch (error) {
      problem(delivery, (error as Error).message)
    }
    if (delivery.kind === 'forged') {
      if (status === 401) answers.refused++
      else answers.forgeriesTaken++
    } else if (delivery.kind === 'duplicate') {
      if (duplicate === true) answers.recognised++
      else answers.duplicatesTaken++
    } else if (status === 200 && duplicate === false) answers.accepted++
    else answers.failed++
  }

  let next = 0
  let done = 0
  const worker = async () => {
    while (next < plan.deliveries.length && !target.signal?.aborted) {
      const delivery = plan.deliveries[next++]!
      const due = started + delivery.atDay * target.secondsPerDay * 1000
      if (due > Date.now()) await sleep(due - Date.now(), undefined, target.signal ? { signal: target.signal } : {}).catch(() => {})
      if (target.signal?.aborted) return
      if (delivery.after) await answered.get(delivery.after)
      await send(delivery)
      if (delivery.kind === 'good') settle.get(delivery.webhookId)?.()
      target.onAnswered?.(++done, plan.deliveries.length)
    }
  }
  await Promise.all(Array.from({ length: target.concurrency ?? 8 }, worker))
  answers.seconds = (Date.now() - started) / 1000
  return answers
}
