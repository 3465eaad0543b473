import { platformIdSchema, productHandleSchema, moneySchema } from '@crosswise/domain'
import { z } from 'zod'
import { columnIndex, firstIssue, optionalText } from '../csv-fields.ts'
import type { ProductFormat } from './product-format.ts'

const required = ['product_id', 'title'] as const
const optional = ['price', 'category', 'available', 'url', 'image_url', 'handle'] as const
type Column = (typeof required)[number] | (typeof optional)[number]

const names = {
  productId: 'product_id',
  title: 'title',
  price: 'price',
  category: 'category',
  available: 'available',
  url: 'url',
  imageUrl: 'image_url',
  handle: 'handle',
}
const pageSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
const rowSchema = z.object({
  productId: platformIdSchema,
  title: z.string().min(1, 'must not be empty').max(500),
  price: moneySchema.optional(),
  category: z.string().max(200).optional(),
  available: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['true', 'false', 'yes', 'no', '1', '0'], { error: 'must be true or false' }))
    .transform((value) => ['true', 'yes', '1'].includes(value))
    .optional(),
  url: pageSchema.optional(),
  imageUrl: pageSchema.optional(),
  handle: productHandleSchema.optional(),
})

/**
 * The generic layout, one product per row, columns in any order:
 * `product_id,title,price,category,available,url,image_url,handle`. Only product_id and title are
 * required; an empty or missing field keeps what the catalogue already has (a new product: available,
 * the rest empty). `available` is true/false (yes/no, 1/0); `url` and `image_url` are http(s) URLs.
 */
export const genericProductFormat: ProductFormat = {
  name: 'generic',
  keyColumn: 'product_id',
  rowsPerProduct: 'one',
  open(header) {
    const at = columnIndex(header, required, optional)
    const field = (fields: string[], name: Column) => (at.has(name) ? optionalText(fields[at.get(name)!]) : undefined)
    return (fields) => {
      const parsed = rowSchema.safeParse({
        productId: field(fields, 'product_id') ?? '',
        title: field(fields, 'title') ?? '',
        price: field(fields, 'price'),
        category: field(fields, 'category'),
        available: field(fields, 'available'),
        url: field(fields, 'url'),
        imageUrl: field(fields, 'image_url'),
        handle: field(fields, 'handle'),
      })
      if (!parsed.success) return { rejected: firstIssue(parsed.error, names) }
      const { productId, available, imageUrl, ...rest } = parsed.data
      return {
        row: {
          key: productId,
          productId,
          ...rest,
          ...(available === undefined ? {} : { listed: available }),
          ...(imageUrl === undefined ? {} : { image: { src: imageUrl, position: 1 } }),
        },
      }
    }
  },
}
