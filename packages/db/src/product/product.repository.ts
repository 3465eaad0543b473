import type { Product } from '@crosswise/domain'
import { sql, type Kysely } from 'kysely'
import type { Database, Db } from '../database.ts'
import { deliveryValues, recordingDelivery, type WebhookDelivery } from '../webhook-delivery/webhook-delivery.repository.ts'

/**
 * Inserts or updates a product (a transaction or the pool). An update older than the stored one
 * (a late retry) changes nothing; returns whether the row was written.
 */
export async function upsertProduct(db: Kysely<Database>, storeId: string, product: Product): Promise<{ written: boolean }> {
  const written = await productUpsert(db, storeId, product).executeTakeFirst()
  return { written: written !== undefined }
}

/**
 * A Shopify product delivery taken in with one statement: the upsert and the delivery record (with
 * `product-saved` or `product-stale`) commit together. A duplicate delivery fails the record's unique
 * keys, which rolls back the upsert too: returns undefined then, else the outcome.
 */
export async function takeInProductDelivery(db: Db, delivery: WebhookDelivery, product: Product): Promise<string | undefined> {
  return recordingDelivery(async () => {
    const { outcome } = await db
      .with('saved', () => productUpsert(db, delivery.storeId, product))
      .insertInto('webhook_deliveries')
      .values({
        ...deliveryValues(delivery),
        outcome: sql<string>`case when exists (select 1 from saved) then 'product-saved' else 'product-stale' end`,
      })
      .returning('outcome')
      .executeTakeFirstOrThrow()
    return outcome
  })
}

/**
 * Inserts or updates many products of a store in one statement (a catalogue sync's page). Each row
 * obeys the rule of {@link upsertProduct}: a stored version that is newer, or a removal after the
 * given version, is kept. Returns how many rows were written.
 */
export async function upsertProducts(db: Kysely<Database>, storeId: string, products: Product[]): Promise<{ written: number }> {
  // One statement cannot touch a row twice: the last version of a product listed twice wins.
  const unique = [...new Map(products.map((product) => [product.productId, product])).values()]
  if (unique.length === 0) return { written: 0 }
  const rows = await productUpsert(db, storeId, unique).execute()
  return { written: rows.length }
}

/**
 * A `products/delete` delivery taken in with one statement: the product is kept but marked
 * unavailable and removed at `deletedAt` (an update newer than that restores it), and the delivery is
 * recorded with `product-deleted`, or `product-unknown` when the store never had it. Returns undefined
 * for a duplicate delivery, which changes nothing.
 */
export async function takeInProductDeletion(
  db: Db,
  delivery: WebhookDelivery,
  productId: string,
  deletedAt: Date,
): Promise<string | undefined> {
  return recordingDelivery(async () => {
    const { outcome } = await db
      .with('removed', (qb) =>
        qb
          .updateTable('products')
          .set({ available: false, deleted_at: deletedAt })
          .where('store_id', '=', delivery.storeId)
          .where('id', '=', productId)
          .returning('id'),
      )
      .insertInto('webhook_deliveries')
      .values({
        ...deliveryValues(delivery),
        outcome: sql<string>`case when exists (select 1 from removed) then 'product-deleted' else 'product-unknown' end`,
      })
      .returning('outcome')
      .executeTakeFirstOrThrow()
    return outcome
  })
}

/**
 * Marks a store's products that a full catalogue listing no longer holds as removed (kept, not
 * available); returns how many. Products changed since `listedSince` are left alone: a product
 * created while the listing was being read may be missing from it and still exist.
 */
export async function markUnlistedProductsRemoved(db: Db, storeId: string, listedIds: string[], listedSince: Date): Promise<number> {
  const result = await db
    .updateTable('products')
    .set({ available: false, deleted_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('deleted_at', 'is', null)
    .where('updated_at', '<', listedSince)
    .where(sql<boolean>`not (id = any(${listedIds}::text[]))`)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

function productUpsert(db: Kysely<Database>, storeId: string, products: Product | Product[]) {
  const values = (product: Product) => ({
    title: product.title,
    category: product.category ?? null,
    price: product.price ?? null,
    currency: product.currency ?? null,
    available: product.available,
    url: product.url ?? null,
    handle: product.handle ?? null,
    image_url: product.imageUrl ?? null,
    updated_at: product.updatedAt,
    deleted_at: null,
  })
  const rows = (Array.isArray(products) ? products : [products]).map((product) => ({
    store_id: storeId,
    id: product.productId,
    ...values(product),
  }))
  return db
    .insertInto('products')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'id'])
        .doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          category: eb.ref('excluded.category'),
          price: eb.ref('excluded.price'),
          currency: eb.ref('excluded.currency'),
          available: eb.ref('excluded.available'),
          url: eb.ref('excluded.url'),
          handle: eb.ref('excluded.handle'),
          image_url: eb.ref('excluded.image_url'),
          updated_at: eb.ref('excluded.updated_at'),
          deleted_at: eb.ref('excluded.deleted_at'),
        }))
        // Newest wins: an older version arriving late (a retried webhook, a sync page read before a
        // webhook's change) is ignored, and so is one from before the product's removal.
        .where('products.updated_at', '<=', sql<Date>`excluded.updated_at`)
        .where((eb) => eb.or([eb('products.deleted_at', 'is', null), eb('products.deleted_at', '<', sql<Date>`excluded.updated_at`)])),
    )
    .returning('id')
}
