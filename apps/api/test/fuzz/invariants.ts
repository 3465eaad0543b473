import type { Db } from '@crosswise/db'
import { sql } from 'kysely'

/** A query that counts rows breaking one rule the API's validation promises; 0 is the only good answer. */
export interface Invariant {
  rule: string
  query: string
}

const outsideEra = (column: string) => `(${column} < timestamptz '1970-01-01' or ${column} >= timestamptz '2100-01-01')`

/** What no input, however malformed, may leave in the database. */
export const invariants: Invariant[] = [
  {
    rule: 'no negative money',
    query: `select (select count(*) from orders where total < 0) + (select count(*) from order_lines where unit_price < 0)
                 + (select count(*) from refunds where amount < 0) + (select count(*) from products where price < 0)`,
  },
  {
    rule: 'no refund above its order',
    query: `select count(*) from refunds r join orders o on o.store_id = r.store_id and o.id = r.order_id where r.amount > o.total`,
  },
  { rule: 'no quantity outside 1–100,000', query: `select count(*) from order_lines where quantity < 1 or quantity > 100000` },
  {
    rule: 'no email-shaped customer id',
    query: `select (select count(*) from orders where customer_id like '%@%') + (select count(*) from customers where id like '%@%')`,
  },
  {
    rule: 'no date outside 1970–2100',
    query: `select (select count(*) from orders where ${outsideEra('placed_at')} or ${outsideEra('cancelled_at')} or ${outsideEra('status_at')})
                 + (select count(*) from fulfillments where ${outsideEra('fulfilled_at')})
                 + (select count(*) from refunds where ${outsideEra('refunded_at')})
                 + (select count(*) from products where ${outsideEra('updated_at')})
                 + (select count(*) from webhook_deliveries where ${outsideEra('triggered_at')})`,
  },
  {
    rule: 'no currency outside ISO 4217 form',
    query: `select (select count(*) from orders where currency !~ '^[A-Z]{3}$') + (select count(*) from products where currency !~ '^[A-Z]{3}$')`,
  },
  {
    rule: 'no unbounded free text',
    query: `select (select count(*) from orders where length(fulfillment_status) > 50 or length(financial_status) > 50)
                 + (select count(*) from order_lines where length(title) > 500)
                 + (select count(*) from products where length(title) > 500)`,
  },
]

/** Each invariant with the number of rows breaking it. */
export async function brokenInvariants(db: Db): Promise<Array<{ rule: string; rows: number }>> {
  const results = []
  for (const invariant of invariants) {
    const { rows } = await sql<{ n: string }>`select (${sql.raw(invariant.query)}) as n`.execute(db)
    results.push({ rule: invariant.rule, rows: Number(rows[0]?.n ?? 0) })
  }
  return results.filter((result) => result.rows > 0)
}
