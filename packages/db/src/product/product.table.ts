import type { ColumnType } from 'kysely'

/** A product of a store's catalogue, as the platform last described it. */
export interface ProductTable {
  store_id: string
  id: string
  title: string
  category: string | null
  /** numeric: a decimal string in major units, never a float. */
  price: string | null
  currency: string | null
  available: ColumnType<boolean, boolean | undefined, boolean>
  /** The product's own page; null: derived from its handle or id (`productPageUrl`). */
  url: string | null
  /** Shopify's URL handle, where known. */
  handle: string | null
  image_url: string | null
  /** The platform's update time; a late, older update does not overwrite a newer one. */
  updated_at: ColumnType<Date, Date | string, Date | string>
  /**
   * When the product was removed in Shopify (`products/delete`, or missing from a catalogue sync);
   * it is kept unavailable. An update newer than this restores it.
   */
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: ColumnType<Date, Date | string | undefined, never>
}
