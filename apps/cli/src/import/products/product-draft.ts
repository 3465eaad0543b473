import type { CatalogueEntry } from '@crosswise/db'
import { decimalToUnits } from '@crosswise/domain'
import type { ProductFormat, ProductRow } from './product-format.ts'

/** A product being gathered from its rows: the first word of each field, the cheapest variant, the first image. */
export interface ProductDraft {
  key: string
  /** Lines of the rows it was built from, to reject them all if the product cannot be imported. */
  lines: number[]
  format: Pick<ProductFormat, 'keyColumn' | 'rowsPerProduct'>
  facts: Omit<ProductRow, 'key' | 'sellable'>
  /** Some variant row said it can be sold now. */
  sellable: boolean
}

/** A draft started from a product's first row. */
export function startDraft(row: ProductRow, line: number, format: ProductDraft['format']): ProductDraft {
  const draft: ProductDraft = { key: row.key, lines: [], format, facts: {}, sellable: false }
  addToDraft(draft, row, line)
  return draft
}

/**
 * Adds a row to its product's draft. A field takes the first row's word (Shopify writes product fields
 * on the first row only), the price is the lowest, the image the one of lowest position. Returns why
 * the row cannot be added, if it cannot (a second row of a one-row-per-product layout).
 */
export function addToDraft(draft: ProductDraft, row: ProductRow, line: number): string | undefined {
  if (draft.format.rowsPerProduct === 'one' && draft.lines.length > 0) {
    return `${draft.format.keyColumn}: the same product as line ${draft.lines[0]} (one row per product)`
  }
  draft.lines.push(line)
  const { facts } = draft
  facts.productId ??= row.productId
  facts.handle ??= row.handle
  facts.title ??= row.title
  facts.category ??= row.category
  facts.url ??= row.url
  facts.listed ??= row.listed
  const { price, image } = row
  if (price !== undefined && (facts.price === undefined || decimalToUnits(price) < decimalToUnits(facts.price))) facts.price = price
  if (image && (!facts.image || image.position < facts.image.position)) facts.image = image
  draft.sellable ||= row.sellable === true
  return undefined
}

/**
 * The catalogue entry a finished draft makes, or why the product cannot be imported. A product of
 * many rows is available when listed and some variant can be sold; a one-row product as its row says.
 */
export function finishDraft(draft: ProductDraft): { entry: CatalogueEntry } | { rejected: string } {
  const { facts } = draft
  if (facts.title === undefined) return { rejected: 'Title: empty on every row of the product (its first row carries it)' }
  const available = draft.format.rowsPerProduct === 'many' ? facts.listed !== false && draft.sellable : facts.listed
  return {
    entry: {
      productId: facts.productId,
      handle: facts.handle,
      title: facts.title,
      category: facts.category,
      price: facts.price,
      available,
      url: facts.url,
      imageUrl: facts.image?.src,
    },
  }
}
