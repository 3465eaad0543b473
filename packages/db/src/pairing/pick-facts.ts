import { sql } from 'kysely'
import type { BoughtLine } from '../customer-history/customer-history.repository.ts'
import { ownedProductIds } from '../customer-history/owned-products.ts'
import type { Db } from '../database.ts'
import { productPageUrl } from '../product/product-page-url.ts'
import type { ManualPairing } from './pairing.repository.ts'

/** What a pick from manual pairings needs, read together. */
export interface PickFacts {
  /** The trigger order's lines, in line order. */
  lines: BoughtLine[]
  /** Every product the customer ever bought in the store. */
  owned: string[]
  /** Manual pairings for the order's products whose product is available and has a page; highest priority first. */
  manual: ManualPairing[]
  /** Pairings the store's reviews retired. */
  retired: string[]
}

/**
 * Reads an order's lines, what the customer owns, the manual pairings for the order's products and
 * the retired pairings in one statement: a pick that ends at a manual pairing (most picks of a store
 * that keeps them) costs one round trip.
 */
export async function readPickFacts(db: Db, storeId: string, customerId: string, orderId: string): Promise<PickFacts> {
  const { rows } = await sql<PickFacts>`
    with lines as (
      select line_no, product_id, title, category, unit_price from order_lines where store_id = ${storeId} and order_id = ${orderId}
    )
    select
      coalesce((select json_agg(json_build_object('productId', product_id, 'title', title, 'category', category,
                                                  'unitPrice', unit_price::text) order by line_no) from lines), '[]') as lines,
      coalesce(${ownedProductIds(storeId, customerId)}, '{}') as owned,
      coalesce((select json_agg(json_build_object('triggerProductId', p.trigger_product_id, 'recommendedProductId',
                                                  p.recommended_product_id, 'priority', p.priority)
                                order by p.priority desc, p.recommended_product_id)
                from pairings p
                join products r on r.store_id = p.store_id and r.id = p.recommended_product_id
                join stores s on s.id = p.store_id
                where p.store_id = ${storeId} and p.trigger_product_id in (select product_id from lines) and r.available
                  and ${productPageUrl('r', 's')} is not null), '[]') as manual,
      coalesce((select json_agg(pairing_id order by pairing_id) from retired_pairings where store_id = ${storeId}), '[]') as retired`.execute(
    db,
  )
  return rows[0]!
}
