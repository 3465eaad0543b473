import { genericProductFormat } from './generic-layout.ts'
import type { ProductFormat } from './product-format.ts'
import { shopifyExportFormat } from './shopify-export.ts'

/** Product file formats by name, for `--format`. */
export const productFormats: Readonly<Record<ProductFormat['name'], ProductFormat>> = {
  shopify: shopifyExportFormat,
  generic: genericProductFormat,
}

/** The format whose header this is, when `--format` is not given. */
export function detectProductFormat(header: string[]): ProductFormat | undefined {
  const names = header.map((name) => name.trim().toLowerCase())
  if (names.includes('handle') && names.includes('variant price')) return shopifyExportFormat
  if (names.includes('product_id') && names.includes('title')) return genericProductFormat
  return undefined
}
