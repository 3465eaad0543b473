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

function productUpsert(db: Kysely<Database>, storeId: string, product: Product) {
  const values = {
    title: product.title,
    category: product.category ?? null,
    price: product.price ?? null,
    currency: product.currency ?? null,
    available: product.available,
    url: product.url ?? null,
    handle: product.handle ?? null,
    image_url: product.imageUrl ?? null,
    updated_at: product.updatedAt,
  }
  return db
    .insertInto('products')
    .values({ store_id: storeId, id: product.productId, ...values })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'id'])
        .doUpdateSet(values)
        .where('products.updated_at', '<=', sql<Date>`excluded.updated_at`),
    )
    .returning('id')
}
