import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** How far a store's live orders got along the journey, each stage a subset of the one before. */
export interface JourneyFunnel {
  /** Live orders (webhooks and the API; imported history never starts a journey). */
  orders: number
  /** Orders whose journey was announced (an `orderPlaced` dispatch). */
  journeys: number
  fulfilled: number
  /** Journeys that reached the point of sending: guards passed, holdout decided. */
  reachedSend: number
  heldOut: number
  /** Journeys that sent at least one email, and the emails they sent. */
  emailed: number
  emails: number
  /** Journeys with an email opened (a click counts as an open), and with one clicked. */
  opened: number
  clicked: number
  /** Journeys with an email that led to a purchase of a recommended product. */
  purchased: number
}

/** The funnel of a store's live orders placed since `since`. */
export async function journeyFunnel(db: Db, storeId: string, since: Date): Promise<JourneyFunnel> {
  const result = await sql<Record<keyof JourneyFunnel, string>>`
    with live as (
      select o.id from orders o where o.store_id = ${storeId} and o.source <> 'import' and o.placed_at >= ${since}
    )
    select
      (select count(*) from live) as orders,
      (select count(distinct l.id) from live l join dispatches d
         on d.store_id = ${storeId} and d.kind = 'orderPlaced' and d.payload->>'orderId' = l.id) as journeys,
      (select count(*) from live l where exists (select 1 from fulfillments f where f.store_id = ${storeId} and f.order_id = l.id)) as fulfilled,
      (select count(*) from live l join holdout_assignments h on h.store_id = ${storeId} and h.order_id = l.id) as "reachedSend",
      (select count(*) from live l join holdout_assignments h on h.store_id = ${storeId} and h.order_id = l.id and h.held_out) as "heldOut",
      (select count(distinct s.order_id) from live l join journey_sends s on s.store_id = ${storeId} and s.order_id = l.id and s.status = 'sent') as emailed,
      (select count(*) from live l join journey_sends s on s.store_id = ${storeId} and s.order_id = l.id and s.status = 'sent') as emails,
      (select count(distinct s.order_id) from live l join journey_sends s on s.store_id = ${storeId} and s.order_id = l.id and s.status = 'sent'
         where exists (select 1 from send_engagements e where e.send_key = s.send_key)) as opened,
      (select count(distinct s.order_id) from live l join journey_sends s on s.store_id = ${storeId} and s.order_id = l.id and s.status = 'sent'
         where exists (select 1 from send_engagements e where e.send_key = s.send_key and e.kind = 'clicked')) as clicked,
      (select count(distinct c.order_id) from live l join journey_conversions c on c.store_id = ${storeId} and c.order_id = l.id) as purchased
  `.execute(db)
  const row = result.rows[0]!
  return {
    orders: Number(row.orders),
    journeys: Number(row.journeys),
    fulfilled: Number(row.fulfilled),
    reachedSend: Number(row.reachedSend),
    heldOut: Number(row.heldOut),
    emailed: Number(row.emailed),
    emails: Number(row.emails),
    opened: Number(row.opened),
    clicked: Number(row.clicked),
    purchased: Number(row.purchased),
  }
}
