import type { ShopifyProductFacts, ShopifyVariantFacts } from '@crosswise/domain'
import type { z } from 'zod'
import {
  catalogueQuery,
  cataloguePageSchema,
  listedProducts,
  productVariantsQuery,
  productVariantsSchema,
  variantFacts,
} from './catalogue-query.ts'
import { ShopifyQueryError } from './errors.ts'
import type { ThrottledAdminClient } from './throttled-admin-client.ts'

/** How a catalogue is paged. */
export interface CatalogueReadOptions {
  /**
   * Products per page; default 25. Shopify refuses a query whose requested cost exceeds 1,000
   * points; a page costs about `2 + pageSize × (6 + 2 × variantsPerProduct)`, 652 by default.
   */
  pageSize?: number
  /** Variants read with each product; default 10. A product with more gets the rest in queries of its own. */
  variantsPerProduct?: number
}

/**
 * Reads a shop's whole catalogue, one page of products at a time (every status, sorted by id), each
 * product with all its variants, in the shape the catalogue rule reads. Waits for the shop's cost
 * bucket through `admin`; stops early when the consumer stops iterating.
 */
export async function* readShopifyCatalogue(
  admin: ThrottledAdminClient,
  options: CatalogueReadOptions = {},
): AsyncGenerator<ShopifyProductFacts[]> {
  const variables = { first: options.pageSize ?? 25, variants: options.variantsPerProduct ?? 10 }
  let after: string | null = null
  do {
    const page: z.output<typeof cataloguePageSchema> = parsed(
      cataloguePageSchema,
      await admin.query('catalogue', catalogueQuery, { ...variables, after }),
    )
    const products: ShopifyProductFacts[] = []
    for (const listed of listedProducts(page)) {
      const more = listed.moreVariantsAfter ? await remainingVariants(admin, listed.gid, listed.moreVariantsAfter) : []
      products.push(more.length > 0 ? { ...listed.facts, variants: [...listed.facts.variants, ...more] } : listed.facts)
    }
    yield products
    after = page.products.pageInfo.hasNextPage ? page.products.pageInfo.endCursor : null
  } while (after)
}

async function remainingVariants(admin: ThrottledAdminClient, gid: string, after: string): Promise<ShopifyVariantFacts[]> {
  const variants: ShopifyVariantFacts[] = []
  let cursor: string | null = after
  while (cursor) {
    const data: z.output<typeof productVariantsSchema> = parsed(
      productVariantsSchema,
      await admin.query('product-variants', productVariantsQuery, { id: gid, after: cursor }),
    )
    // Deleted since its page was read: the next sync finds it gone.
    if (!data.product) break
    variants.push(...data.product.variants.nodes.map(variantFacts))
    cursor = data.product.variants.pageInfo.hasNextPage ? data.product.variants.pageInfo.endCursor : null
  }
  return variants
}

function parsed<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new ShopifyQueryError(`Shopify's answer does not have the expected shape (${issue?.path.join('.')}: ${issue?.message}).`)
}
