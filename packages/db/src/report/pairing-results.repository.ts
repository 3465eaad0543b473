import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** What one pairing's emails earned. */
export interface PairingResult {
  pairingId: string
  source: string | null
  sends: number
  /** Emails clicked (the click read from Klaviyo, or recorded by hand for a dry run). */
  clicks: number
  /** Emails that led to a purchase of the recommended product. */
  conversions: number
  /** The purchases' order totals, decimal, in the store's currency. */
  revenue: string
}

/** Every pairing a store emailed since `since`, with its clicks, conversions and their revenue; most sent first. */
export async function pairingResults(db: Db, storeId: string, since: Date): Promise<PairingResult[]> {
  const result = await sql<{
    pairing_id: string
    source: string | null
    sends: string
    clicks: string
    conversions: string
    revenue: string
  }>`
    select s.pairing_id, min(s.pairing_source) as source, count(*) as sends,
           count(*) filter (where exists (select 1 from send_engagements e where e.send_key = s.send_key and e.kind = 'clicked')) as clicks,
           count(c.send_key) as conversions,
           coalesce(sum(o.total), 0) as revenue
    from journey_sends s
    left join journey_conversions c on c.send_key = s.send_key
    left join orders o on o.store_id = s.store_id and o.id = c.purchase_order_id
    where s.store_id = ${storeId} and s.status = 'sent' and s.sent_at >= ${since} and s.pairing_id is not null
    group by s.pairing_id
    order by count(*) desc, s.pairing_id`.execute(db)
  return result.rows.map((row) => ({
    pairingId: row.pairing_id,
    source: row.source,
    sends: Number(row.sends),
    clicks: Number(row.clicks),
    conversions: Number(row.conversions),
    revenue: String(row.revenue),
  }))
}
