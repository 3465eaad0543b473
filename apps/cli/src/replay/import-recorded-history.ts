import { importOrderHistory, type Db, type HistoricalOrder } from '@crosswise/db'
import type { RecordedOrder } from './recorded-orders.ts'

const importBatch = 2_000

/**
 * Imports recorded orders as a store's history (no journeys), as `crosswise import orders` does;
 * returns how many were new. `emailOf` gives customers an email (else they get a placeholder).
 */
export async function importRecordedHistory(
  db: Db,
  storeId: string,
  orders: readonly RecordedOrder[],
  currency: string,
  emailOf: (customerId: string) => string | undefined = () => undefined,
): Promise<number> {
  let imported = 0
  for (let start = 0; start < orders.length; start += importBatch) {
    const batch: HistoricalOrder[] = orders.slice(start, start + importBatch).map((order) => ({
      orderId: order.orderId,
      customer: { id: order.customerId, ...(emailOf(order.customerId) ? { email: emailOf(order.customerId)! } : {}) },
      currency,
      placedAt: new Date(order.placedAt),
      lineItems: order.lines.map((line) => ({
        productId: line.productId,
        title: line.title,
        quantity: line.quantity,
        unitPrice: line.unitPrice.toFixed(2),
      })),
    }))
    imported += (await importOrderHistory(db, storeId, batch)).orders
  }
  return imported
}
