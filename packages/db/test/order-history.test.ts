import { orderSchema, productSchema } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  countHistoryOrders,
  createDatabase,
  ensureStore,
  migrateToLatest,
  readOrderHistory,
  recordOrder,
  upsertProduct,
  type Db,
  type HistoryLine,
} from '../src/index.ts'

const store = 'history-shop'

describe('order history for mining', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('order_history'))
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Shop', currency: 'EUR' })
    await ensureStore(db, 'other-shop', { name: 'Other', currency: 'EUR' })
    const order = (orderId: string, email: string, products: string[], storeId = store) =>
      recordOrder(
        db,
        storeId,
        orderSchema.parse({
          orderId,
          customer: { email },
          currency: 'EUR',
          placedAt: '2026-11-20T10:00:00Z',
          lineItems: products.map((productId) => ({
            productId,
            title: `Line ${productId}`,
            category: 'Kitchen',
            quantity: 2,
            unitPrice: '3.50',
          })),
        }),
      )
    await order('A', 'ada@example.com', ['kettle', 'tea', 'mug'])
    await order('B', 'bo@example.com', ['tea'])
    await order('C', 'cy@example.com', ['kettle', 'cosy'])
    await order('D', 'di@example.com', ['mug', 'tea'])
    await order('E', 'ed@example.com', ['spoon'], 'other-shop')
    await db.updateTable('orders').set({ cancelled_at: new Date() }).where('store_id', '=', store).where('id', '=', 'C').execute()
    await upsertProduct(
      db,
      store,
      productSchema.parse({ productId: 'tea', title: 'Earl Grey', category: 'Tea', updatedAt: '2026-11-21T00:00:00Z' }),
    )
  })
  afterAll(async () => db?.destroy())

  it('hands over every line of the store’s live orders, page by page, an order’s lines together', async () => {
    const lines: HistoryLine[] = []
    const pages: number[] = []
    const orders = await readOrderHistory(db, store, (line) => lines.push(line), { pageLines: 2, onPage: (read) => pages.push(read) })
    expect(orders).toBe(3)
    expect(await countHistoryOrders(db, store)).toBe(3)
    expect(lines.map((line) => `${line.orderId}:${line.productId}`)).toEqual(['A:kettle', 'A:tea', 'A:mug', 'B:tea', 'D:mug', 'D:tea'])
    expect(pages).toEqual([1, 2, 3, 3])
    // The catalogue's title and category win over the order line's own.
    expect(lines[1]).toMatchObject({ title: 'Earl Grey', category: 'Tea', quantity: 2, unitPrice: '3.5000' })
    expect(lines[0]).toMatchObject({ title: 'Line kettle', category: 'Kitchen' })
    expect(new Set(lines.map((line) => line.customerId)).size).toBe(3)
    expect(lines[0]!.placedAt.toISOString()).toBe('2026-11-20T10:00:00.000Z')
  })
})
