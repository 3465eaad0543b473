import { z } from 'zod'
import { instantSchema } from './instant.ts'
import { currencySchema, moneySchema } from './money.ts'
import { platformIdSchema } from './platform-id.ts'
import { productHandleSchema } from './product-page.ts'

/** A product of a store's catalogue, as its platform describes it (an upsert, newest wins). */
export const productSchema = z.object({
  productId: platformIdSchema,
  title: z.string().trim().min(1).max(500),
  /** The store's own category (Shopify `product_type`); the recommender filters on it. */
  category: z.string().trim().min(1).max(200).optional(),
  /** Price in major units, a decimal string. */
  price: moneySchema.optional(),
  currency: currencySchema.optional(),
  /** In stock and on sale: a journey never recommends a product that is not. */
  available: z.boolean().default(true),
  /** The product's own page; without it, the page comes from its handle or id and the store's settings. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Shopify's URL handle; with the store's product URL template or Shopify domain it gives the page. */
  handle: productHandleSchema.optional(),
  imageUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** When the platform last changed the product; an older update arriving late is ignored. */
  updatedAt: instantSchema,
})
export type Product = z.infer<typeof productSchema>
export type ProductInput = z.input<typeof productSchema>
