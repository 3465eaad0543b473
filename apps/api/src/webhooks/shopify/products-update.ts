import { catalogueProductFromShopify, moneySchema, productHandleSchema, type ShopifyProductFacts } from '@crosswise/domain'
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
        inventory_quantity: z
          .number()
          .int()
          .min(-(2 ** 31))
          .max(2 ** 31 - 1)
          .nullish(),
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
 * `products/create` and `products/update`: the catalogue a journey recommends from, by the same rule
 * as the catalogue sync (`catalogueProductFromShopify`). A late delivery of an older version changes
 * nothing (`product-stale`).
 */
export const productsUpdate = singleStatementHandler(shopifyProductSchema, async (db, delivery, payload, shop) => {
  const image = payload.image?.src ?? payload.images[0]?.src
  const facts: ShopifyProductFacts = {
    productId: payload.id,
    handle: payload.handle,
    title: payload.title,
    ...(payload.product_type ? { productType: payload.product_type } : {}),
    status: (payload.status ?? 'active').toLowerCase(),
    published: !!payload.published_at,
    updatedAt: payload.updated_at,
    variants: payload.variants.map((variant) => ({
      price: variant.price,
      tracked: !!variant.inventory_management,
      continueSelling: variant.inventory_policy === 'continue',
      quantity: variant.inventory_quantity ?? null,
    })),
    ...(image ? { imageUrl: image } : {}),
  }
  return takeInProductDelivery(db, delivery, catalogueProductFromShopify(facts, shop))
})
