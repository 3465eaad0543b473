import { sql, type RawBuilder } from 'kysely'

/**
 * Every product a customer ever bought in a store, as a subquery (a text array, null when none) for
 * statements that read it with other facts: the send's recipient, the pick's facts. Store and
 * customer are values or column references (`sql.ref('c.id')`).
 */
export function ownedProductIds(storeId: unknown, customerId: unknown): RawBuilder<string[] | null> {
  return sql<string[] | null>`(select array_agg(distinct l.product_id) from order_lines l
    join orders o on o.store_id = l.store_id and o.id = l.order_id
    where o.store_id = ${storeId} and o.customer_id = ${customerId})`
}
