import { eraseStore } from '@crosswise/db'
import { z } from 'zod'
import { shopifyIdSchema } from './shopify-fields.ts'
import type { TopicHandler } from './topic.ts'

/** The GDPR `shop/redact` payload: the shop whose data must go. */
export const shopifyShopRedactionSchema = z.object({
  shop_id: shopifyIdSchema.optional(),
  shop_domain: z.string().max(255).optional(),
})

/**
 * `shop/redact`: 48 hours after a shop uninstalled the app, Shopify asks for all its data to be
 * erased. The store goes with every row it holds, its webhook secret included, so the delivery is not
 * recorded (there is no store left to record it under) and a repeat of it is refused as an unknown shop.
 */
export const shopRedact: TopicHandler = {
  schema: shopifyShopRedactionSchema,
  takeIn: async (db, _delivery, _payload, shop) => ((await eraseStore(db, shop.storeId)) ? 'shop-erased' : 'shop-unknown'),
}
