import { upsertProduct, type Db } from '@crosswise/db'
import { recordedCatalogue } from './recorded-catalogue.ts'
import type { RecordedOrder } from './recorded-orders.ts'

/**
 * Puts every product a history sold into the store's catalogue, each with its page on the shop, as a
 * catalogue sync would; returns how many.
 */
export async function importRecordedCatalogue(
  db: Db,
  storeId: string,
  shopDomain: string,
  orders: readonly RecordedOrder[],
  currency: string,
): Promise<number> {
  const catalogue = recordedCatalogue(orders)
  const updatedAt = new Date()
  for (let start = 0; start < catalogue.length; start += 50) {
    await Promise.all(
      catalogue.slice(start, start + 50).map((product) =>
        upsertProduct(db, storeId, {
          productId: product.productId,
          title: product.title,
          price: product.price,
          currency,
          available: product.available,
          url: `https://${shopDomain}/products/${product.handle}`,
          updatedAt,
        }),
      ),
    )
  }
  return catalogue.length
}
