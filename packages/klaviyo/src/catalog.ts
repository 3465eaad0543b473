import { CatalogItemBulkCreateJobEnum, type CatalogItemCreateJobCreateQuery, CatalogItemEnum } from 'klaviyo-api'
import { type CatalogProduct, catalogProductSchema } from './gateway.ts'

/** Klaviyo accepts at most 100 items per bulk job. */
export const catalogJobSize = 100

/** Splits products into bulk-create job bodies of at most {@link catalogJobSize} items each. */
export function catalogCreateJobs(products: CatalogProduct[]): CatalogItemCreateJobCreateQuery[] {
  const items = products.map((product) => {
    const parsed = catalogProductSchema.parse(product)
    return {
      type: CatalogItemEnum.CatalogItem,
      attributes: {
        externalId: parsed.externalId,
        // Our own products live in the custom integration's default catalog, beside any Shopify sync.
        integrationType: '$custom' as const,
        catalogType: '$default',
        title: parsed.title,
        description: parsed.description,
        url: parsed.url,
        price: Number(parsed.price),
        published: parsed.published,
        ...(parsed.imageUrl ? { imageFullUrl: parsed.imageUrl } : {}),
      },
    }
  })
  const jobs: CatalogItemCreateJobCreateQuery[] = []
  for (let start = 0; start < items.length; start += catalogJobSize) {
    jobs.push({
      data: {
        type: CatalogItemBulkCreateJobEnum.CatalogItemBulkCreateJob,
        attributes: { items: { data: items.slice(start, start + catalogJobSize) } },
      },
    })
  }
  return jobs
}
