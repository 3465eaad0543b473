import { orderSchema } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, ensureStore, migrateToLatest, recordOrder, type Db } from '../src/index.ts'

const store = 'locks'

describe('recording an order', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('order_lock'))
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Locks', currency: 'EUR' })
  })
  afterAll(async () => db?.destroy())

  // From another connection: can the order's lock be had right now?
  const lockIsFree = async (orderId: string) => {
    const { rows } = await sql<{ free: boolean }>`
      select pg_try_advisory_lock(hashtextextended(${`order:${store}:${orderId}`}, 0)) as free`.execute(db)
    if (rows[0]!.free) await sql`select pg_advisory_unlock(hashtextextended(${`order:${store}:${orderId}`}, 0))`.execute(db)
    return rows[0]!.free
  }

  it.each([
    ['a new customer', 'o1'],
    ['a known customer', 'o2'],
  ])('holds the order lock until commit, for %s', async (_case, orderId) => {
    const order = orderSchema.parse({
      orderId,
      customer: { email: 'ada@example.com' },
      currency: 'EUR',
      placedAt: '2026-11-20T10:00:00Z',
      lineItems: [{ productId: 'p1', title: 'Kettle', quantity: 1, unitPrice: '20.00' }],
    })
    await db.transaction().execute(async (trx) => {
      await recordOrder(trx, store, order, 'api')
      expect(await lockIsFree(orderId)).toBe(false)
    })
    expect(await lockIsFree(orderId)).toBe(true)
  })
})
