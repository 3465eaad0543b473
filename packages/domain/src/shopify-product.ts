import { decimalToUnits } from './money.ts'
import type { Product } from './product.ts'

/** One variant of a Shopify product, as far as the catalogue rule reads it. */
export interface ShopifyVariantFacts {
  /** Decimal string in the shop's currency. */
  price: string
  /** Whether Shopify counts the variant's stock; an untracked variant is always sellable. */
  tracked: boolean
  /** Inventory policy `continue`: it keeps selling when out of stock. */
  continueSelling: boolean
  /** Units in stock; null when Shopify did not say. */
  quantity: number | null
}

/**
 * A Shopify product reduced to what decides its catalogue entry. Webhook payloads (REST shape) and
 * the Admin GraphQL sync both produce it, so both obey one rule ({@link catalogueProductFromShopify}).
 */
export interface ShopifyProductFacts {
  /** The numeric id webhooks carry (the tail of the GraphQL `gid://shopify/Product/N`). */
  productId: string
  handle: string
  title: string
  productType?: string
  /** Lower case: `active`, `draft` or `archived`. */
  status: string
  /** Published to the online store (REST `published_at` set; GraphQL `onlineStoreUrl` not null). */
  published: boolean
  updatedAt: Date
  variants: ShopifyVariantFacts[]
  imageUrl?: string
}

/** The shop a product belongs to: where its pages live and the currency its prices are in. */
export interface ShopifyShop {
  shopDomain: string
  currency: string
}

/**
 * The catalogue entry of a Shopify product. Available when active, published and some variant can be
 * sold (untracked, selling on when out of stock, or in stock); its price is the lowest variant price;
 * its page comes from its handle (the store's product URL template, else `https://{shopDomain}/products/{handle}`).
 */
export function catalogueProductFromShopify(facts: ShopifyProductFacts, shop: ShopifyShop): Product {
  const sellable = facts.variants.some((variant) => !variant.tracked || variant.continueSelling || (variant.quantity ?? 0) > 0)
  const lowest = facts.variants.reduce<string | undefined>(
    (low, variant) => (low === undefined || decimalToUnits(variant.price) < decimalToUnits(low) ? variant.price : low),
    undefined,
  )
  return {
    productId: facts.productId,
    title: facts.title,
    ...(facts.productType ? { category: facts.productType } : {}),
    ...(lowest === undefined ? {} : { price: lowest, currency: shop.currency }),
    available: facts.status === 'active' && facts.published && sellable,
    handle: facts.handle,
    ...(facts.imageUrl ? { imageUrl: facts.imageUrl } : {}),
    updatedAt: facts.updatedAt,
  }
}
