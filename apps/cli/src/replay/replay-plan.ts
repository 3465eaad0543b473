import { randomUUID } from 'node:crypto'
import { seededRandom } from '@crosswise/domain'
import type { RecordedOrder } from './recorded-orders.ts'
import { fulfillmentCreatedBody, orderCreatedBody } from './shopify-payloads.ts'
import { shopifyOrderId } from './shopify-ids.ts'

/** Shares of a replay's deliveries that test the ingest the way real Shopify traffic does. */
export interface ReplayMix {
  /** Redeliveries of a delivery already sent (half a retry of the same webhook, half the same event again). */
  duplicates: number
  /** Deliveries signed with another secret, which must be refused. */
  forged: number
  /** Fulfilments delivered before their order. */
  fulfillmentFirst: number
  /** Orders whose Shopify id is above 2^53. */
  bigIds: number
  /** Orders never fulfilled (their journeys wait, then end). */
  unfulfilled: number
}

export const defaultMix: ReplayMix = { duplicates: 0.05, forged: 0.02, fulfillmentFirst: 0.1, bigIds: 0.1, unfulfilled: 0.05 }

/** One webhook delivery of a replay, due `atDay` days after the replay's first order (data time). */
export interface ReplayDelivery {
  atDay: number
  topic: 'orders/create' | 'fulfillments/create'
  kind: 'good' | 'duplicate' | 'forged'
  webhookId: string
  eventId: string
  /** The body, written when first sent (its times are the send's), and the same text for its redeliveries. */
  body(now: Date): string
  /** A delivery that must be answered before this one is sent (a redelivery's original). */
  after?: string
  /** The recorded order it is about (forged deliveries are about none). */
  orderId?: string
}

/** What a replay sends, and which of its orders get fulfilled. */
export interface ReplayPlan {
  deliveries: ReplayDelivery[]
  /** Recorded order id → its Shopify id. */
  shopifyIds: Map<string, string>
  fulfilled: Set<string>
  customers: number
}

const day = 86_400_000

function writtenOnce(write: (now: Date) => string): (now: Date) => string {
  let text: string | undefined
  return (now) => (text ??= write(now))
}

/**
 * Turns recorded orders into the Shopify deliveries a shop would have sent for them, in data time:
 * each order's `orders/create`, and one to three days later its `fulfillments/create`, with the
 * redeliveries, forgeries, early fulfilments and large ids of `mix`. Seeded: the same orders and seed
 * give the same plan (up to the random webhook ids).
 */
export function planReplay(orders: readonly RecordedOrder[], options: { currency: string; seed?: number; mix?: ReplayMix }): ReplayPlan {
  const rand = seededRandom(options.seed ?? 11)
  const mix = options.mix ?? defaultMix
  const start = orders[0]?.placedAt ?? 0
  const deliveries: ReplayDelivery[] = []
  const shopifyIds = new Map<string, string>()
  const fulfilled = new Set<string>()
  const delivery = (fields: Omit<ReplayDelivery, 'webhookId' | 'eventId' | 'kind'>): ReplayDelivery => ({
    ...fields,
    kind: 'good',
    webhookId: randomUUID(),
    eventId: randomUUID(),
  })

  for (const order of orders) {
    const shopifyOrder = shopifyOrderId(order.orderId, rand() < mix.bigIds)
    shopifyIds.set(order.orderId, shopifyOrder)
    const atDay = (order.placedAt - start) / day
    deliveries.push(
      delivery({
        atDay,
        topic: 'orders/create',
        orderId: order.orderId,
        body: writtenOnce((now) => orderCreatedBody(order, shopifyOrder, now, options.currency)),
      }),
    )
    if (rand() < mix.unfulfilled) continue
    fulfilled.add(order.orderId)
    const fulfillAt = rand() < mix.fulfillmentFirst ? atDay - 0.01 : atDay + 1 + rand() * 2
    deliveries.push(
      delivery({
        atDay: fulfillAt,
        topic: 'fulfillments/create',
        orderId: order.orderId,
        body: writtenOnce((now) => fulfillmentCreatedBody(order, shopifyOrder, now)),
      }),
    )
  }
  deliveries.sort((a, b) => a.atDay - b.atDay)

  const originals = deliveries.length
  for (let index = 0; index < Math.round(originals * mix.duplicates); index++) {
    const original = deliveries[Math.floor(rand() * originals)]!
    const retry = index % 2 === 0
    deliveries.push({
      ...original,
      kind: 'duplicate',
      atDay: original.atDay + 0.05,
      after: original.webhookId,
      ...(retry ? {} : { webhookId: randomUUID() }),
    })
  }
  for (let index = 0; index < Math.round(originals * mix.forged); index++) {
    const victim = orders[Math.floor(rand() * orders.length)]!
    const forgedOrder = { ...victim, orderId: `9${index}${victim.orderId}` }
    const at = (victim.placedAt - start) / day
    deliveries.push({
      ...delivery({
        atDay: at,
        topic: 'orders/create',
        body: writtenOnce((now) => orderCreatedBody(forgedOrder, shopifyOrderId(forgedOrder.orderId, false), now, options.currency)),
      }),
      kind: 'forged',
    })
  }
  deliveries.sort((a, b) => a.atDay - b.atDay)
  return { deliveries, shopifyIds, fulfilled, customers: new Set(orders.map((order) => order.customerId)).size }
}
