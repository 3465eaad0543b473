import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { CustomerContact, PlacedOrder } from './customer-history.repository.ts'

/** What the guards before an email read about the customer, in one round trip. */
export interface SendGuardFacts {
  /** Undefined when the customer is not recorded. */
  contact: CustomerContact | undefined
  /** The newest live order placed at or after the trigger that the journey does not know yet. */
  newerOrder: PlacedOrder | undefined
  /** When the customer's emails went out inside the frequency cap's window. */
  sentTimes: Date[]
  /** The marketing consent the customer's orders brought: true, false, or null when they said nothing. */
  acceptsMarketing: boolean | null
}

interface FactsRow {
  email: string
  redacted_at: Date | null
  accepts_marketing: boolean | null
  currency: string
  sent_times: Date[] | null
  newer_id: string | null
  newer_placed_at: Date | null
  newer_product_ids: string[] | null
}

/**
 * Reads a newer order (imported history and cancelled orders do not count), the send times since
 * `sentSince` and the customer's contact in one statement: the guards run before every email, so
 * each of their round trips is paid by every journey.
 */
export async function loadSendGuardFacts(
  db: Db,
  query: { storeId: string; customerId: string; placedSince: Date; knownOrderIds: readonly string[]; sentSince: Date },
): Promise<SendGuardFacts> {
  const { rows } = await sql<FactsRow>`
    select c.email, c.redacted_at, c.accepts_marketing, s.currency,
      (select array_agg(js.sent_at) from journey_sends js
        where js.store_id = c.store_id and js.customer_id = c.id and js.status = 'sent' and js.sent_at >= ${query.sentSince}) as sent_times,
      newer.id as newer_id, newer.placed_at as newer_placed_at,
      (select array_agg(l.product_id order by l.line_no) from order_lines l
        where l.store_id = c.store_id and l.order_id = newer.id) as newer_product_ids
    from customers c
    join stores s on s.id = c.store_id
    left join lateral (
      select o.id, o.placed_at from orders o
      where o.store_id = c.store_id and o.customer_id = c.id and o.placed_at >= ${query.placedSince}
        and o.source <> 'import' and o.cancelled_at is null and o.id <> all(${[...query.knownOrderIds]}::text[])
      order by o.placed_at desc limit 1
    ) newer on true
    where c.store_id = ${query.storeId} and c.id = ${query.customerId}`.execute(db)
  const row = rows[0]
  if (!row) return { contact: undefined, newerOrder: undefined, sentTimes: [], acceptsMarketing: null }
  return {
    contact: { email: row.email, redacted: row.redacted_at !== null, storeCurrency: row.currency.trim() },
    newerOrder:
      row.newer_id === null || row.newer_placed_at === null
        ? undefined
        : { orderId: row.newer_id, placedAt: row.newer_placed_at, productIds: [...new Set(row.newer_product_ids ?? [])] },
    sentTimes: row.sent_times ?? [],
    acceptsMarketing: row.accepts_marketing,
  }
}
