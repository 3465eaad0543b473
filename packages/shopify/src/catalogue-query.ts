import type { ShopifyProductFacts, ShopifyVariantFacts } from '@crosswise/domain'
import { z } from 'zod'

const variantFields = 'price inventoryQuantity inventoryPolicy inventoryItem { tracked }'

/**
 * One page of the catalogue: every product, whatever its status, so a product missing from the whole
 * listing has been deleted. Sorted by id so pages stay stable while products change.
 */
export const catalogueQuery = `query CrosswiseCatalogue($first: Int!, $after: String, $variants: Int!) {
  products(first: $first, after: $after, sortKey: ID) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id handle title productType status onlineStoreUrl updatedAt
      featuredMedia { preview { image { url } } }
      variants(first: $variants) { pageInfo { hasNextPage endCursor } nodes { ${variantFields} } }
    }
  }
}`

/** The variants of one product beyond those its catalogue page carried. */
export const productVariantsQuery = `query CrosswiseProductVariants($id: ID!, $after: String) {
  product(id: $id) {
    variants(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${variantFields} } }
  }
}`

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() })
const variantSchema = z.object({
  price: z.string().regex(/^-?\d{1,12}(\.\d{1,4})?$/),
  inventoryQuantity: z.number().int().nullable(),
  inventoryPolicy: z.enum(['CONTINUE', 'DENY']).or(z.string()),
  inventoryItem: z.object({ tracked: z.boolean() }).nullable(),
})
const variantConnectionSchema = z.object({ pageInfo: pageInfoSchema, nodes: z.array(variantSchema) })

const productNodeSchema = z.object({
  id: z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/, 'must be a product gid'),
  handle: z.string().min(1),
  title: z.string().min(1),
  productType: z.string().nullable(),
  status: z.string(),
  onlineStoreUrl: z.string().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  featuredMedia: z.object({ preview: z.object({ image: z.object({ url: z.string() }).nullable() }).nullable() }).nullable(),
  variants: variantConnectionSchema,
})

/** `data` of {@link catalogueQuery}. */
export const cataloguePageSchema = z.object({
  products: z.object({ pageInfo: pageInfoSchema, nodes: z.array(productNodeSchema) }),
})

/** `data` of {@link productVariantsQuery}; `product` is null when it was deleted meanwhile. */
export const productVariantsSchema = z.object({ product: z.object({ variants: variantConnectionSchema }).nullable() })

/** A product of a catalogue page, mapped, with where its remaining variants start when it has more. */
export interface ListedProduct {
  facts: ShopifyProductFacts
  /** Cursor after the variants the page carried, when the product has more. */
  moreVariantsAfter?: string
  /** The product's GraphQL id, to ask for its remaining variants. */
  gid: string
}

/** The numeric id webhooks carry, from a GraphQL id (`gid://shopify/Product/8123456789012` → `8123456789012`). */
export function numericShopifyId(gid: string): string {
  const tail = /\/(\d+)$/.exec(gid)?.[1]
  if (!tail) throw new Error(`Not a numeric Shopify id: ${gid}`)
  return tail
}

/** A variant as the catalogue rule reads it. */
export function variantFacts(variant: z.infer<typeof variantSchema>): ShopifyVariantFacts {
  return {
    price: variant.price,
    // A variant without an inventory item cannot be counted: nothing stops it being sold.
    tracked: variant.inventoryItem?.tracked ?? false,
    continueSelling: variant.inventoryPolicy === 'CONTINUE',
    quantity: variant.inventoryQuantity,
  }
}

/** The products of one catalogue page, in the normalised shape both webhooks and the sync feed the catalogue rule. */
export function listedProducts(page: z.infer<typeof cataloguePageSchema>): ListedProduct[] {
  return page.products.nodes.map((node) => {
    const imageUrl = node.featuredMedia?.preview?.image?.url
    const more = node.variants.pageInfo.hasNextPage ? node.variants.pageInfo.endCursor : null
    return {
      gid: node.id,
      facts: {
        productId: numericShopifyId(node.id),
        handle: node.handle,
        title: node.title,
        ...(node.productType?.trim() ? { productType: node.productType.trim() } : {}),
        status: node.status.toLowerCase(),
        published: node.onlineStoreUrl !== null,
        updatedAt: new Date(node.updatedAt),
        variants: node.variants.nodes.map(variantFacts),
        ...(imageUrl ? { imageUrl } : {}),
      },
      ...(more ? { moreVariantsAfter: more } : {}),
    }
  })
}
