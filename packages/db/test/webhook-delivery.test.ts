import { createTestDatabase } from '@crosswise/testing'
import type { Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, ensureStore, migrateToLatest, takeInDelivery, upsertProduct, type Database, type Db } from '../src/index.ts'

const store = 'deliveries'
const product = (productId: string) => ({ productId, title: 'Kettle', available: true, updatedAt: new Date('2026-11-20T10:00:00Z') })

describe('takeInDelivery', () => {
  let db: Db
  beforeAll(async () => {
    // One connection: a connection left inside a transaction would show in the next case.
    db = createDatabase(await createTestDatabase('webhook_delivery'), { maxConnections: 1 })
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Deliveries', currency: 'EUR' })
  })
  afterAll(async () => db?.destroy())

  const products = async () => (await db.selectFrom('products').select('id').orderBy('id').execute()).map((row) => row.id)
  const deliveries = () => db.selectFrom('webhook_deliveries').select(['webhook_id', 'event_id', 'topic', 'triggered_at', 'outcome']).orderBy('id').execute()

  it('commits the effect with the delivery and its outcome, header values kept exactly', async () => {
    const webhookId = `it's \\ "odd"; drop table products; --`
    const triggeredAt = new Date('2026-11-25T10:00:00.123Z')
    const outcome = await takeInDelivery(db, { storeId: store, webhookId, eventId: 'ev-1', topic: 'products/update', triggeredAt }, async (trx) => {
      await upsertProduct(trx, store, product('p1'))
      return 'product-saved'
    })
    expect(outcome).toBe('product-saved')
    expect(await products()).toEqual(['p1'])
    expect(await deliveries()).toEqual([{ webhook_id: webhookId, event_id: 'ev-1', topic: 'products/update', triggered_at: triggeredAt, outcome: 'product-saved' }])
  })

  it('rolls a duplicate back, by webhook id or by event id on the same topic', async () => {
    const effect = (productId: string) => async (trx: Transaction<Database>) => {
      await upsertProduct(trx, store, product(productId))
      return 'product-saved'
    }
    const again = await takeInDelivery(db, { storeId: store, webhookId: `it's \\ "odd"; drop table products; --`, topic: 'products/update' }, effect('p2'))
    const sameEvent = await takeInDelivery(db, { storeId: store, webhookId: 'wh-2', eventId: 'ev-1', topic: 'products/update' }, effect('p3'))
    expect([again, sameEvent]).toEqual([undefined, undefined])
    expect(await products()).toEqual(['p1'])
    expect(await deliveries()).toHaveLength(1)
    // The same event id on another topic is another delivery.
    expect(await takeInDelivery(db, { storeId: store, webhookId: 'wh-3', eventId: 'ev-1', topic: 'products/create' }, effect('p4'))).toBe('product-saved')
  })

  it('rolls everything back when the effect fails, and the connection serves the next delivery', async () => {
    const failing = takeInDelivery(db, { storeId: store, webhookId: 'wh-4', topic: 'products/update' }, async (trx) => {
      await upsertProduct(trx, store, product('p5'))
      throw new Error('effect failed')
    })
    await expect(failing).rejects.toThrow('effect failed')
    expect(await products()).toEqual(['p1', 'p4'])
    expect(await takeInDelivery(db, { storeId: store, webhookId: 'wh-4', topic: 'products/update' }, async () => 'ignored-topic')).toBe('ignored-topic')
  })
})
