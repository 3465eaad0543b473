import { takeInProductDeletion } from '@crosswise/db'
import { z } from 'zod'
import { shopifyIdSchema } from './shopify-fields.ts'
import { singleStatementHandler } from './topic.ts'

const deletedProductSchema = z.object({ id: shopifyIdSchema })

/**
 * `products/delete`: the product is kept but never recommended again (`product-deleted`), removed as
 * of the delivery's trigger time, so only an update made after that restores it; `product-unknown`
 * when the store never had it.
 */
export const productsDelete = singleStatementHandler(deletedProductSchema, (db, delivery, payload, shop) =>
  takeInProductDeletion(db, delivery, payload.id, shop.triggeredAt ?? new Date()),
)
