import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { productPageUrl } from '../product/product-page-url.ts'

/**
 * One product of an imported catalogue file. Optional fields left undefined keep what the catalogue
 * already has (a webhook's image, say); a new product gets null there and is available.
 */
export interface CatalogueEntry {
  /** The platform's id; absent when the file knows the product by its handle only (Shopify's export). */
  productId?: string
  /** Required without a product id. */
  handle?: string
  title: string
  category?: string
  /** Decimal string in major units, in the store's currency. */
  price?: string
  available?: boolean
  url?: string
  imageUrl?: string
}

/** What one import batch did to the catalogue; a re-import of the same file counts all unchanged. */
export interface CatalogueCounts {
  added: number
  updated: number
  unchanged: number
  /** Of the batch's products as now stored: available or not, and how many have no page to link to. */
  available: number
  unavailable: number
  withoutPage: number
}

/**
 * Writes a batch of catalogue entries in one transaction, with set-based statements. An entry without
 * a product id takes the id of the store's product with its handle (one a Shopify webhook stored under
 * its numeric id, preferred over one keyed by the handle itself), else its handle becomes its id. Only
 * rows that really change are written, stamped `updated_at = now()`: the file is a snapshot of the
 * catalogue, so an older webhook retried after it does not roll it back. The store must exist.
 */
export async function importCatalogue(db: Db, storeId: string, entries: readonly CatalogueEntry[]): Promise<CatalogueCounts> {
  if (entries.length === 0) return { added: 0, updated: 0, unchanged: 0, available: 0, unavailable: 0, withoutPage: 0 }
  if (entries.some((entry) => entry.productId === undefined && entry.handle === undefined)) {
    throw new Error('A catalogue entry needs a product id or a handle.')
  }
  return db.transaction().execute(async (trx) => {
    const handles = entries.filter((entry) => entry.productId === undefined).map((entry) => entry.handle!)
    const known = new Map<string, string>()
    if (handles.length > 0) {
      const rows = await trx
        .selectFrom('products')
        .select(['id', 'handle'])
        .where('store_id', '=', storeId)
        .where('handle', 'in', handles)
        .orderBy(sql`id = handle`)
        .orderBy('id')
        .execute()
      for (const row of rows) if (!known.has(row.handle!)) known.set(row.handle!, row.id)
    }
    // One entry per id: a statement may not write the same row twice. The file's last word wins.
    const byId = new Map<string, CatalogueEntry>()
    for (const entry of entries) {
      const id = entry.productId ?? known.get(entry.handle!) ?? entry.handle!
      byId.set(id, entry)
    }
    const ids = [...byId.keys()]
    const column = <T>(pick: (entry: CatalogueEntry) => T | undefined) => [...byId.values()].map((entry) => pick(entry) ?? null)

    const written = await sql<{ id: string; added: boolean }>`
      with e as (
        select * from unnest(${ids}::text[], ${column((e) => e.handle)}::text[], ${column((e) => e.title)}::text[],
                             ${column((e) => e.category)}::text[], ${column((e) => e.price)}::numeric[],
                             ${column((e) => e.available)}::boolean[], ${column((e) => e.url)}::text[],
                             ${column((e) => e.imageUrl)}::text[])
               as e(id, handle, title, category, price, available, url, image_url)
      ),
      wanted as (
        select e.id, p.id is null as added,
               coalesce(e.handle, p.handle) as handle, e.title, coalesce(e.category, p.category) as category,
               coalesce(e.price, p.price) as price,
               case when e.price is null then p.currency else s.currency end as currency,
               coalesce(e.available, p.available, true) as available,
               coalesce(e.url, p.url) as url, coalesce(e.image_url, p.image_url) as image_url
          from e
          join stores s on s.id = ${storeId}
          left join products p on p.store_id = ${storeId} and p.id = e.id
         where p.id is null
            or (p.handle, p.title, p.category, p.price, p.currency, p.available, p.url, p.image_url)
               is distinct from (coalesce(e.handle, p.handle), e.title, coalesce(e.category, p.category), coalesce(e.price, p.price),
                                 case when e.price is null then p.currency else s.currency end,
                                 coalesce(e.available, p.available), coalesce(e.url, p.url), coalesce(e.image_url, p.image_url))
      )
      insert into products as p (store_id, id, handle, title, category, price, currency, available, url, image_url, updated_at)
      select ${storeId}, id, handle, title, category, price, currency, available, url, image_url, now() from wanted
      on conflict (store_id, id) do update
         set handle = excluded.handle, title = excluded.title, category = excluded.category, price = excluded.price,
             currency = excluded.currency, available = excluded.available, url = excluded.url,
             image_url = excluded.image_url, updated_at = excluded.updated_at
      returning id, (xmax = 0) as added`.execute(trx)

    const state = await trx
      .selectFrom('products as p')
      .innerJoin('stores as s', 's.id', 'p.store_id')
      .select([
        sql<string>`count(*) filter (where p.available)`.as('available'),
        sql<string>`count(*) filter (where not p.available)`.as('unavailable'),
        sql<string>`count(*) filter (where ${productPageUrl('p', 's')} is null)`.as('without_page'),
      ])
      .where('p.store_id', '=', storeId)
      .where('p.id', 'in', ids)
      .executeTakeFirstOrThrow()

    const added = written.rows.filter((row) => row.added).length
    return {
      added,
      updated: written.rows.length - added,
      unchanged: ids.length - written.rows.length,
      available: Number(state.available),
      unavailable: Number(state.unavailable),
      withoutPage: Number(state.without_page),
    }
  })
}
