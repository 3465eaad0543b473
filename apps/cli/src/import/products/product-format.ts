/** What one row of a product file says about its product; what the row does not say is undefined. */
export interface ProductRow {
  /** The product the row belongs to in the file: its handle (Shopify) or its product_id (generic). */
  key: string
  productId?: string
  handle?: string
  title?: string
  category?: string
  url?: string
  /** An image and its place among the product's images (1 first). */
  image?: { src: string; position: number }
  /** On sale as far as the product goes: Shopify's Status and Published, the generic `available`. */
  listed?: boolean
  price?: string
  /** Set on a Shopify variant row: whether that variant can be sold now. */
  sellable?: boolean
}

/** A row's fate: what it says about a product, or why it was rejected (`Column: problem`). */
export type ProductRowResult = { row: ProductRow } | { rejected: string }

/** A product file layout: its header, how a row reads, and how rows make up a product. */
export interface ProductFormat {
  name: 'shopify' | 'generic'
  /** The column that says which product a row belongs to, for messages. */
  keyColumn: string
  /** `many`: a product spans rows (Shopify: one per variant or extra image); `one`: a row is a product. */
  rowsPerProduct: 'many' | 'one'
  /** Reads the header line; returns the row reader, or throws a message naming what is missing. */
  open(header: string[]): (fields: string[]) => ProductRowResult
}
