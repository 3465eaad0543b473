import { orderSchema } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cancelOrder,
  createDatabase,
  ensureStore,
  holdoutOutcomes,
  migrateToLatest,
  recordHoldoutAssignment,
  recordOrder,
  type Db,
} from '../src/index.ts'

const store = 'lift-shop'
const day = 86_400_000
const start = Date.UTC(2026, 5, 1)
const at = (days: number) => new Date(start + days * day)

describe('holdout outcomes', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('holdout_outcomes'))
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Lift', currency: 'EUR' })
    const order = (orderId: string, customerId: string, days: number, total: string) =>
      recordOrder(
        db,
        store,
        orderSchema.parse({
          orderId,
          customer: { id: customerId, email: `${customerId}@example.com` },
          currency: 'EUR',
          placedAt: at(days).toISOString(),
          lineItems: [{ productId: 'p1', title: 'Kettle', quantity: 1, unitPrice: total }],
        }),
      )
    // Emailed: spent 15 before, ordered the trigger, then twice in the window (and once cancelled), once after it.
    await order('e-before', 'emailed', -40, '15.00')
    await order('e-trigger', 'emailed', 0, '20.00')
    await order('e-next', 'emailed', 10, '30.00')
    await order('e-cancelled', 'emailed', 12, '99.00')
    await db.transaction().execute((trx) => cancelOrder(trx, store, { orderId: 'e-cancelled', cancelledAt: at(13) }))
    await order('e-again', 'emailed', 20, '12.50')
    await order('e-late', 'emailed', 40, '80.00')
    // Held out: ordered nothing after the trigger.
    await order('h-trigger', 'held', 1, '25.00')
    // Assigned too recently for its window to have closed.
    await order('r-trigger', 'recent', 50, '25.00')
    const assign = (orderId: string, customerId: string, heldOut: boolean, days: number) =>
      recordHoldoutAssignment(db, {
        storeId: store,
        orderId,
        customerId,
        heldOut,
        position: heldOut ? 0.05 : 0.5,
        share: 0.1,
        assignedAt: at(days),
      })
    await assign('e-trigger', 'emailed', false, 4)
    await assign('h-trigger', 'held', true, 5)
    await assign('r-trigger', 'recent', false, 54)
  })
  afterAll(async () => db?.destroy())

  it('counts each group from its point of sending, over closed windows only', async () => {
    const rows = await holdoutOutcomes(db, store, { windowMs: 30 * day, asOf: at(60) })
    expect(rows).toEqual([
      {
        orderId: 'e-trigger',
        customerId: 'emailed',
        heldOut: false,
        assignedAt: at(4),
        ordersInWindow: 2,
        revenueInWindow: '42.5000',
        nextOrderValue: '30.0000',
        spendBefore: '15.0000',
      },
      {
        orderId: 'h-trigger',
        customerId: 'held',
        heldOut: true,
        assignedAt: at(5),
        ordersInWindow: 0,
        revenueInWindow: '0',
        nextOrderValue: null,
        spendBefore: '0',
      },
    ])
    expect(await holdoutOutcomes(db, store, { windowMs: 30 * day, asOf: at(60), since: at(5) })).toHaveLength(1)
    expect(await holdoutOutcomes(db, store, { windowMs: 30 * day, asOf: at(34.5) })).toHaveLength(1)
  })
})
