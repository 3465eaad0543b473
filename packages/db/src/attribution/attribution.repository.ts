import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** Keeps the opens and clicks an engagement read found after an email; reading them again changes nothing. */
export async function recordSendEngagement(
  db: Db,
  storeId: string,
  sendKey: string,
  events: ReadonlyArray<{ kind: 'opened' | 'clicked'; at: Date; flowId?: string; messageId?: string }>,
): Promise<void> {
  if (events.length === 0) return
  await db
    .insertInto('send_engagements')
    .values(
      events.map((event) => ({
        send_key: sendKey,
        store_id: storeId,
        kind: event.kind,
        occurred_at: event.at,
        flow_id: event.flowId ?? null,
        message_id: event.messageId ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['send_key', 'kind', 'occurred_at']).doNothing())
    .execute()
}

/** A sent email with what attribution needs: when it went out, what it recommended, when it was opened or clicked. */
export interface EngagedSend {
  sendKey: string
  customerId: string
  sentAt: Date
  productIds: string[]
  pairingId: string | null
  variantId: string | null
  segment: string | null
  engagedAt: Date[]
}

/** A live order with its products and total, for attribution. */
export interface AttributableStoreOrder {
  orderId: string
  customerId: string
  placedAt: Date
  productIds: string[]
  total: string
}

/** The store's sent emails and live orders since `since`, as attribution reads them. */
export async function attributionInputs(
  db: Db,
  storeId: string,
  since: Date,
): Promise<{ sends: EngagedSend[]; orders: AttributableStoreOrder[] }> {
  const sends = await sql<{
    send_key: string
    customer_id: string
    sent_at: Date
    product_ids: string[]
    pairing_id: string | null
    variant_id: string | null
    segment: string | null
    engaged_at: Date[] | null
  }>`
    select s.send_key, s.customer_id, s.sent_at, s.product_ids, s.pairing_id, s.variant_id, s.segment,
           array_agg(e.occurred_at order by e.occurred_at) filter (where e.occurred_at is not null) as engaged_at
    from journey_sends s
    left join send_engagements e on e.send_key = s.send_key
    where s.store_id = ${storeId} and s.status = 'sent' and s.sent_at >= ${since}
    group by s.send_key`.execute(db)
  const orders = await sql<{ id: string; customer_id: string; placed_at: Date; product_ids: string[]; total: string }>`
    select o.id, o.customer_id, o.placed_at, o.total, array_agg(distinct l.product_id) as product_ids
    from orders o join order_lines l on l.store_id = o.store_id and l.order_id = o.id
    where o.store_id = ${storeId} and o.source <> 'import' and o.placed_at >= ${since} and o.cancelled_at is null
    group by o.store_id, o.id`.execute(db)
  return {
    sends: sends.rows.map((row) => ({
      sendKey: row.send_key,
      customerId: row.customer_id,
      sentAt: row.sent_at,
      productIds: row.product_ids,
      pairingId: row.pairing_id,
      variantId: row.variant_id,
      segment: row.segment,
      engagedAt: row.engaged_at ?? [],
    })),
    orders: orders.rows.map((row) => ({
      orderId: row.id,
      customerId: row.customer_id,
      placedAt: row.placed_at,
      productIds: row.product_ids,
      total: String(row.total),
    })),
  }
}
