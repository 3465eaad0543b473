import { productHandleSchema, moneySchema } from '@crosswise/domain'
import { z } from 'zod'
import { columnIndex, firstIssue, optionalText } from '../csv-fields.ts'
import type { ProductFormat } from './product-format.ts'

const required = ['handle', 'title'] as const
const optional = [
  'type',
  'product_category',
  'published',
  'status',
  'option1_value',
  'variant_sku',
  'variant_price',
  'variant_inventory_tracker',
  'variant_inventory_qty',
  'variant_inventory_policy',
  'image_src',
  'image_position',
] as const
type Column = (typeof required)[number] | (typeof optional)[number]

const names = {
  handle: 'Handle',
  title: 'Title',
  price: 'Variant Price',
  quantity: 'Variant Inventory Qty',
  imageSrc: 'Image Src',
  imagePosition: 'Image Position',
}
const rowSchema = z.object({
  handle: productHandleSchema,
  title: z.string().max(500).optional(),
  price: moneySchema.optional(),
  quantity: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').optional(),
  imageSrc: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  imagePosition: z.coerce
    .number({ error: 'must be a whole number from 1' })
    .int('must be a whole number from 1')
    .positive('must be a whole number from 1')
    .optional(),
})

// An image row without a position sorts after every numbered one.
const unnumbered = Number.MAX_SAFE_INTEGER

/**
 * Shopify's product CSV export (Admin → Products → Export): one row per variant or extra image, the
 * rows of a product sharing its `Handle`, product fields (Title, Type, Status, Published) on its first
 * row only. A row with variant fields is a variant row and needs a `Variant Price`; a variant can be
 * sold when its stock is not tracked, it may be oversold (policy `continue`) or its quantity is above 0.
 * Category: `Type`, else the last part of `Product Category`. Listed: Status `active` (or no Status
 * column) and Published `true` (or no Published column).
 */
export const shopifyExportFormat: ProductFormat = {
  name: 'shopify',
  keyColumn: 'Handle',
  rowsPerProduct: 'many',
  open(header) {
    const at = columnIndex(header, required, optional)
    const has = (name: Column) => at.has(name)
    const field = (fields: string[], name: Column) => (has(name) ? optionalText(fields[at.get(name)!]) : undefined)
    return (fields) => {
      const parsed = rowSchema.safeParse({
        handle: field(fields, 'handle') ?? '',
        title: field(fields, 'title'),
        price: field(fields, 'variant_price'),
        quantity: field(fields, 'variant_inventory_qty'),
        imageSrc: field(fields, 'image_src'),
        imagePosition: field(fields, 'image_position'),
      })
      if (!parsed.success) return { rejected: firstIssue(parsed.error, names) }
      const { handle, title, price, quantity, imageSrc, imagePosition } = parsed.data
      const variant = (['option1_value', 'variant_sku', 'variant_price', 'variant_inventory_qty'] as const).some(
        (name) => field(fields, name) !== undefined,
      )
      if (variant && price === undefined) return { rejected: 'Variant Price: empty on a variant row' }

      const productFields =
        title === undefined
          ? {}
          : {
              title,
              category: field(fields, 'type') ?? field(fields, 'product_category')?.split('>').at(-1)?.trim(),
              listed:
                (field(fields, 'status')?.toLowerCase() ?? 'active') === 'active' &&
                (!has('published') || field(fields, 'published')?.toLowerCase() === 'true'),
            }
      const sellable = variant
        ? field(fields, 'variant_inventory_tracker') === undefined ||
          field(fields, 'variant_inventory_policy')?.toLowerCase() === 'continue' ||
          (quantity ?? 0) > 0
        : undefined
      return {
        row: {
          key: handle,
          handle,
          ...productFields,
          ...(variant ? { price, sellable } : {}),
          ...(imageSrc === undefined ? {} : { image: { src: imageSrc, position: imagePosition ?? unnumbered } }),
        },
      }
    }
  },
}
