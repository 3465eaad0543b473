import { z } from 'zod'
import { currencySchema, moneySchema } from './money.ts'
import { platformIdSchema } from './platform-id.ts'

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
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  imageUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** When the platform last changed the product; an older update arriving late is ignored. */
  updatedAt: z.coerce.date({ error: 'must be an ISO 8601 date-time' }),
})
export type Product = z.infer<typeof productSchema>
export type ProductInput = z.input<typeof productSchema>
