import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../database.ts'
import { productPageUrl } from '../product/product-page-url.ts'

/** A store's manual pairing: recommend `recommendedProductId` after `triggerProductId`. */
export interface ManualPairing {
  triggerProductId: string
  recommendedProductId: string
  /** Higher first. */
  priority: number
}

/**
 * Every change to a store's manual pairings holds this lock: a replacement (delete all, insert the
 * list) and a single upsert or removal running at once would otherwise deadlock on the same rows.
 */
async function lockManualPairings(trx: Transaction<Database>, storeId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`manual-pairings:${storeId}`}, 0))`.execute(trx)
}

/** Adds or re-prioritises manual pairings of a store; a pair named twice keeps its last priority. */
export async function saveManualPairings(db: Db, storeId: string, pairings: readonly ManualPairing[]): Promise<void> {
  if (pairings.length === 0) return
  const unique = new Map(pairings.map((pairing) => [`${pairing.triggerProductId}\u0000${pairing.recommendedProductId}`, pairing]))
  await db.transaction().execute(async (trx) => {
    await lockManualPairings(trx, storeId)
    await trx
      .insertInto('pairings')
      .values(
        [...unique.values()].map((pairing) => ({
          store_id: storeId,
          trigger_product_id: pairing.triggerProductId,
          recommended_product_id: pairing.recommendedProductId,
          priority: pairing.priority,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['store_id', 'trigger_product_id', 'recommended_product_id'])
          .doUpdateSet({ priority: (eb) => eb.ref('excluded.priority') }),
      )
      .execute()
  })
}

/** A catalogue product as an email shows it. */
export interface ShownProduct {
  productId: string
  title: string
  category: string | null
  /** Its page: its own URL or one derived from its handle or id (`productPageUrl`); null: none. */
  url: string | null
  imageUrl: string | null
  price: string | null
  currency: string | null
  available: boolean
}

function shownProductQuery(db: Db, storeId: string) {
  return db
    .selectFrom('products as p')
    .innerJoin('stores as s', 's.id', 'p.store_id')
    .select(['p.id', 'p.title', 'p.category', productPageUrl('p', 's').as('url'), 'p.image_url', 'p.price', 'p.currency', 'p.available'])
    .where('p.store_id', '=', storeId)
}

type ShownProductRow = Awaited<ReturnType<ReturnType<typeof shownProductQuery>['execute']>>[number]

function toShownProduct(row: ShownProductRow): ShownProduct {
  return {
    productId: row.id,
    title: row.title,
    category: row.category,
    url: row.url,
    imageUrl: row.image_url,
    price: row.price,
    currency: row.currency?.trim() ?? null,
    available: row.available,
  }
}

/** Catalogue entries of some products (unknown ids are left out). */
export async function findProducts(db: Db, storeId: string, productIds: readonly string[]): Promise<ShownProduct[]> {
  if (productIds.length === 0) return []
  const rows = await shownProductQuery(db, storeId).where('p.id', 'in', productIds).execute()
  return rows.map(toShownProduct)
}

/** Every product an email can show: available and with a page (what the store's Klaviyo catalogue gets). */
export async function sendableProducts(db: Db, storeId: string): Promise<ShownProduct[]> {
  const rows = await shownProductQuery(db, storeId)
    .where('p.available', '=', true)
    .where(productPageUrl('p', 's'), 'is not', null)
    .execute()
  return rows.map(toShownProduct)
}

/**
 * Every manual pairing of a store as it set them, whether or not its products are in the catalogue
 * yet: by trigger product, then highest priority first.
 */
export async function listManualPairings(db: Db, storeId: string): Promise<ManualPairing[]> {
  const rows = await db
    .selectFrom('pairings')
    .select(['trigger_product_id', 'recommended_product_id', 'priority'])
    .where('store_id', '=', storeId)
    .orderBy('trigger_product_id')
    .orderBy('priority', 'desc')
    .orderBy('recommended_product_id')
    .execute()
  return rows.map((row) => ({
    triggerProductId: row.trigger_product_id,
    recommendedProductId: row.recommended_product_id,
    priority: row.priority,
  }))
}

/**
 * Replaces all manual pairings of a store with `pairings` in one transaction: journeys see the old
 * list until the commit and the new one after, never a mix or none. Concurrent replaces for one store
 * queue on an advisory lock, so the last one lands whole. A pair listed twice throws and keeps the old list.
 */
export async function replaceManualPairings(db: Db, storeId: string, pairings: readonly ManualPairing[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockManualPairings(trx, storeId)
    await trx.deleteFrom('pairings').where('store_id', '=', storeId).execute()
    // 4 columns a row: batches keep far below PostgreSQL's 65,535 parameters.
    for (let start = 0; start < pairings.length; start += 5_000) {
      await trx
        .insertInto('pairings')
        .values(
          pairings.slice(start, start + 5_000).map((pairing) => ({
            store_id: storeId,
            trigger_product_id: pairing.triggerProductId,
            recommended_product_id: pairing.recommendedProductId,
            priority: pairing.priority,
          })),
        )
        .execute()
    }
  })
}

/** Removes one manual pairing of a store; false when it had none such. */
export async function removeManualPairing(
  db: Db,
  storeId: string,
  triggerProductId: string,
  recommendedProductId: string,
): Promise<boolean> {
  const result = await db.transaction().execute(async (trx) => {
    await lockManualPairings(trx, storeId)
    return trx
      .deleteFrom('pairings')
      .where('store_id', '=', storeId)
      .where('trigger_product_id', '=', triggerProductId)
      .where('recommended_product_id', '=', recommendedProductId)
      .executeTakeFirst()
  })
  return result.numDeletedRows > 0n
}
