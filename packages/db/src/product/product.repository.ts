import type { Product } from '@crosswise/domain'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'

/**
 * Inserts or updates a product (a transaction or the pool). An update older than the stored one
 * (a late retry) changes nothing; returns whether the row was written.
 */
export async function upsertProduct(db: Kysely<Database>, storeId: string, product: Product): Promise<{ written: boolean }> {
  const values = {
    title: product.title,
    category: product.category ?? null,
    price: product.price ?? null,
    currency: product.currency ?? null,
    available: product.available,
    url: product.url ?? null,
    image_url: product.imageUrl ?? null,
    updated_at: product.updatedAt,
  }
  const written = await db
    .insertInto('products')
    .values({ store_id: storeId, id: product.productId, ...values })
    .onConflict((oc) =>
      oc
        .columns(['store_id', 'id'])
        .doUpdateSet(values)
        .where('products.updated_at', '<=', sql<Date>`excluded.updated_at`),
    )
    .returning('id')
    .executeTakeFirst()
  return { written: written !== undefined }
}
