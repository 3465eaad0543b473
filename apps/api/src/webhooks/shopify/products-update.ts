import { decimalToUnits, moneySchema, productHandleSchema } from '@crosswise/domain'
import { takeInProductDelivery } from '@crosswise/db'
import { z } from 'zod'
import { optionalTextSchema, shopifyIdSchema, shopifyTimeSchema } from './shopify-fields.ts'
import { singleStatementHandler } from './topic.ts'

const imageSchema = z.object({ src: z.url({ protocol: /^https?$/ }) })

/** The fields of a Shopify product that we keep. */
export const shopifyProductSchema = z.object({
  id: shopifyIdSchema,
  title: z.string().trim().min(1).max(500),
  product_type: optionalTextSchema,
  handle: productHandleSchema,
  /** `active`, `draft` or `archived`; absent in older API versions (then: active). */
  status: z.string().nullish(),
  published_at: shopifyTimeSchema.nullish(),
  updated_at: shopifyTimeSchema,
  variants: z
    .array(
      z.object({
        price: moneySchema,
        inventory_quantity: z.number().int().nullish(),
        /** Null when Shopify does not track stock for the variant. */
        inventory_management: z.string().nullish(),
        /** `continue` keeps selling when out of stock. */
        inventory_policy: z.string().nullish(),
      }),
    )
    .max(2000)
    .default([]),
  image: imageSchema.nullish(),
  images: z.array(imageSchema).max(250).default([]),
})

/**
 * `products/create` and `products/update`: the catalogue a journey recommends from. A product is
 * available when active, published and some variant can be sold; its price is the lowest variant
 * price. Its page comes from its handle (the store's product URL template, else the shop's domain),
 * which a product CSV import also keys by. A late delivery of an older version changes nothing (`product-stale`).
 */
export const productsUpdate = singleStatementHandler(shopifyProductSchema, async (db, delivery, payload, shop) => {
  const sellable = payload.variants.some(
    (variant) => !variant.inventory_management || variant.inventory_policy === 'continue' || (variant.inventory_quantity ?? 0) > 0,
  )
  const prices = payload.variants.map((variant) => variant.price).sort((a, b) => (decimalToUnits(a) < decimalToUnits(b) ? -1 : 1))
  const image = payload.image?.src ?? payload.images[0]?.src
  return takeInProductDelivery(db, delivery, {
    productId: payload.id,
    title: payload.title,
    ...(payload.product_type ? { category: payload.product_type } : {}),
    ...(prices[0] === undefined ? {} : { price: prices[0], currency: shop.currency }),
    available: (payload.status ?? 'active') === 'active' && !!payload.published_at && sellable,
    handle: payload.handle,
    ...(image ? { imageUrl: image } : {}),
    updatedAt: payload.updated_at,
  })
})
