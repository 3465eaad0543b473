import { readOrderHistory, type Db } from '@crosswise/db'
import { type OrderHistory, OrderHistoryBuilder } from '@crosswise/recommender'

/**
 * A store's live orders (imported history included) as the recommender's typed-array history, read
 * page by page; `onPage` hears the orders read so far. Mining and offline evaluation read the same.
 */
export async function readStoreHistory(
  db: Db,
  storeId: string,
  onPage?: (orders: number) => void,
): Promise<{ history: OrderHistory; orders: number; lines: number }> {
  const builder = new OrderHistoryBuilder()
  let lines = 0
  const orders = await readOrderHistory(
    db,
    storeId,
    (line) => {
      lines++
      builder.add({
        orderId: line.orderId,
        customerId: line.customerId,
        productId: line.productId,
        title: line.title,
        category: line.category ?? undefined,
        quantity: line.quantity,
        unitPrice: Number(line.unitPrice),
        time: line.placedAt.getTime(),
      })
    },
    { onPage },
  )
  return { history: builder.build(), orders, lines }
}
