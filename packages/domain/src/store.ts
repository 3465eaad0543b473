import { z } from 'zod'
import { journeyPolicySchema, type JourneyPolicy } from './journey-policy.ts'
import { currencySchema } from './money.ts'
import { productUrlTemplateSchema } from './product-page.ts'
import { timeZoneSchema } from './time-zone.ts'

/** A store's id: a slug of lower-case letters, digits and dashes, used in URLs and workflow ids. */
export const storeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a store slug: lower-case letters, digits and dashes')

/** A Shopify shop's permanent domain, as sent in `X-Shopify-Shop-Domain`. */
export const shopDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be a shop domain such as "example.myshopify.com"')

/** How a Shopify shop reaches us: its domain and the secret that signs its webhooks. */
export const shopifyConnectionSchema = z.object({
  domain: shopDomainSchema,
  /** The app's client secret (HMAC-SHA256 key of every webhook). */
  webhookSecret: z.string().min(16, 'must be the app secret (at least 16 characters)').max(200),
})
export type ShopifyConnection = z.infer<typeof shopifyConnectionSchema>

/** What an admin sets on a store; everything but the name has a default. */
export const storeSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  currency: currencySchema.default('USD'),
  /** Used for customers whose own zone is unknown. */
  timeZone: timeZoneSchema.default('UTC'),
  shopify: shopifyConnectionSchema.optional(),
  policy: journeyPolicySchema.optional(),
  /** Where a product without its own URL has its page, from its handle or id (`…/products/{handle}`). */
  productUrlTemplate: productUrlTemplateSchema.optional(),
})
export type StoreSettings = z.infer<typeof storeSettingsSchema>
export type StoreSettingsInput = z.input<typeof storeSettingsSchema>

/** A shop Crosswise serves: its settings, its journey policy and the hash of its API token. */
export interface Store {
  id: string
  name: string
  currency: string
  timeZone: string
  shopify?: ShopifyConnection
  /** SHA-256 (hex) of the bearer token its platform uses on the JSON API; the token is never stored. */
  apiTokenHash?: string
  policy: JourneyPolicy
  productUrlTemplate?: string
}
