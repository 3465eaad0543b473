import { createTestDatabase } from '@crosswise/testing'
import type { Transaction } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createDatabase,
  ensureStore,
  migrateToLatest,
  recordDelivery,
  takeInDelivery,
  takeInProductDelivery,
  upsertProduct,
  type Database,
  type Db,
  type DatabaseOptions,
} from '../src/index.ts'

const store = 'deliveries'
const product = (productId: string) => ({ productId, title: 'Kettle', available: true, updatedAt: new Date('2026-11-20T10:00:00Z') })

// The API's pool pipelines (BEGIN goes out with the effect's first statement) and prepares statements.
describe.each<[string, DatabaseOptions]>([
  ['one query at a time', {}],
  ['pipelined, prepared', { pipeline: true, preparedStatements: 200 }],
])('takeInDelivery, %s', (name, options) => {
  let db: Db
  beforeAll(async () => {
    // One connection: a connection left inside a transaction would show in the next case.
    db = createDatabase(await createTestDatabase(`webhook_delivery_${name.replace(/\W+/g, '_')}`), { ...options, maxConnections: 1 })
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Deliveries', currency: 'EUR' })
  })
  afterAll(async () => db?.destroy())

  const products = async () => (await db.selectFrom('products').select('id').orderBy('id').execute()).map((row) => row.id)
  const deliveries = () =>
    db.selectFrom('webhook_deliveries').select(['webhook_id', 'event_id', 'topic', 'triggered_at', 'outcome']).orderBy('id').execute()

  it('commits the effect with the delivery and its outcome, header values kept exactly', async () => {
    const webhookId = `it's \\ "odd"; drop table products; --`
    const triggeredAt = new Date('2026-11-25T10:00:00.123Z')
    const outcome = await takeInDelivery(
      db,
      { storeId: store, webhookId, eventId: 'ev-1', topic: 'products/update', triggeredAt },
      async (trx) => {
        await upsertProduct(trx, store, product('p1'))
        return 'product-saved'
      },
    )
    expect(outcome).toBe('product-saved')
    expect(await products()).toEqual(['p1'])
    expect(await deliveries()).toEqual([
      { webhook_id: webhookId, event_id: 'ev-1', topic: 'products/update', triggered_at: triggeredAt, outcome: 'product-saved' },
    ])
  })

  it('rolls a duplicate back, by webhook id or by event id on the same topic', async () => {
    const effect = (productId: string) => async (trx: Transaction<Database>) => {
      await upsertProduct(trx, store, product(productId))
      return 'product-saved'
    }
    const again = await takeInDelivery(
      db,
      { storeId: store, webhookId: `it's \\ "odd"; drop table products; --`, topic: 'products/update' },
      effect('p2'),
    )
    const sameEvent = await takeInDelivery(
      db,
      { storeId: store, webhookId: 'wh-2', eventId: 'ev-1', topic: 'products/update' },
      effect('p3'),
    )
    expect([again, sameEvent]).toEqual([undefined, undefined])
    expect(await products()).toEqual(['p1'])
    expect(await deliveries()).toHaveLength(1)
    // The same event id on another topic is another delivery.
    expect(await takeInDelivery(db, { storeId: store, webhookId: 'wh-3', eventId: 'ev-1', topic: 'products/create' }, effect('p4'))).toBe(
      'product-saved',
    )
  })

  it('rolls everything back when the effect fails, and the connection serves the next delivery', async () => {
    const failing = takeInDelivery(db, { storeId: store, webhookId: 'wh-4', topic: 'products/update' }, async (trx) => {
      await upsertProduct(trx, store, product('p5'))
      throw new Error('effect failed')
    })
    await expect(failing).rejects.toThrow('effect failed')
    expect(await products()).toEqual(['p1', 'p4'])
    expect(await takeInDelivery(db, { storeId: store, webhookId: 'wh-4', topic: 'products/update' }, async () => 'ignored-topic')).toBe(
      'ignored-topic',
    )
  })
})

describe('deliveries taken in with one statement', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('webhook_delivery_single'), { maxConnections: 2, pipeline: true, preparedStatements: 200 })
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Deliveries', currency: 'EUR' })
  })
  afterAll(async () => db?.destroy())

  const delivery = (webhookId: string, eventId?: string) => ({
    storeId: store,
    webhookId,
    topic: 'products/update',
    ...(eventId ? { eventId } : {}),
  })
  const stored = () => db.selectFrom('products').select(['id', 'title', 'updated_at']).orderBy('id').execute()
  const outcomes = async () =>
    (await db.selectFrom('webhook_deliveries').select(['webhook_id', 'outcome']).orderBy('id').execute()).map(
      (row) => `${row.webhook_id}:${row.outcome}`,
    )

  it('saves a product with its delivery, and calls an older version stale', async () => {
    expect(await takeInProductDelivery(db, delivery('wh-1', 'ev-1'), product('p1'))).toBe('product-saved')
    const older = { ...product('p1'), title: 'Old kettle', updatedAt: new Date('2026-11-19T10:00:00Z') }
    expect(await takeInProductDelivery(db, delivery('wh-2', 'ev-2'), older)).toBe('product-stale')
    expect(await stored()).toEqual([{ id: 'p1', title: 'Kettle', updated_at: new Date('2026-11-20T10:00:00Z') }])
    expect(await outcomes()).toEqual(['wh-1:product-saved', 'wh-2:product-stale'])
  })

  it('rolls the upsert of a duplicate back, by webhook id or by event id', async () => {
    const newer = { ...product('p1'), title: 'New kettle', updatedAt: new Date('2026-11-21T10:00:00Z') }
    const results = await Promise.all([
      takeInProductDelivery(db, delivery('wh-1'), newer),
      takeInProductDelivery(db, delivery('wh-3', 'ev-1'), product('p2')),
    ])
    expect(results).toEqual([undefined, undefined])
    expect(await stored()).toEqual([{ id: 'p1', title: 'Kettle', updated_at: new Date('2026-11-20T10:00:00Z') }])
    expect(await outcomes()).toEqual(['wh-1:product-saved', 'wh-2:product-stale'])
  })

  it('records a delivery without an effect once', async () => {
    expect(await recordDelivery(db, delivery('wh-4'), 'ignored-stale')).toBe('ignored-stale')
    expect(await recordDelivery(db, delivery('wh-4'), 'ignored-stale')).toBeUndefined()
    expect(await outcomes()).toEqual(['wh-1:product-saved', 'wh-2:product-stale', 'wh-4:ignored-stale'])
  })
})

describe('a delivery that loses a deadlock', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('webhook_delivery_deadlock'), { maxConnections: 4 })
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Deliveries', currency: 'EUR' })
    for (const id of ['a', 'b']) await upsertProduct(db, store, product(id))
  })
  afterAll(async () => db?.destroy())

  it('is taken in again instead of failing', async () => {
    // Each effect locks its first product, waits until the other holds its own, then wants the
    // other's: PostgreSQL aborts one of the two, which must then run again and succeed.
    const latch = () => {
      let open = () => {}
      const opened = new Promise<void>((resolve) => (open = resolve))
      return { open, opened }
    }
    const holds = { a: latch(), b: latch() }
    const runs = { a: 0, b: 0 }
    const crossing = (first: 'a' | 'b', second: 'a' | 'b') => async (trx: Transaction<Database>) => {
      runs[first]++
      await trx
        .updateTable('products')
        .set({ title: `by ${first}` })
        .where('id', '=', first)
        .execute()
      holds[first].open()
      await holds[second].opened
      await trx
        .updateTable('products')
        .set({ title: `by ${first}` })
        .where('id', '=', second)
        .execute()
      return `crossed-${first}`
    }
    const delivery = (webhookId: string) => ({ storeId: store, webhookId, topic: 'products/update' })
    const outcomes = await Promise.all([
      takeInDelivery(db, delivery('wh-a'), crossing('a', 'b')),
      takeInDelivery(db, delivery('wh-b'), crossing('b', 'a')),
    ])
    expect(outcomes).toEqual(['crossed-a', 'crossed-b'])
    expect(runs.a + runs.b).toBe(3)
    const recorded = await db.selectFrom('webhook_deliveries').select('webhook_id').orderBy('webhook_id').execute()
    expect(recorded.map((row) => row.webhook_id)).toEqual(['wh-a', 'wh-b'])
  })
})
