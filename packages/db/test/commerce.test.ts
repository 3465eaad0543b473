import { orderSchema, storeSettingsSchema, type OrderInput } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cancelOrder,
  createDatabase,
  createStore,
  findShopifyStore,
  getStore,
  importOrderHistory,
  migrateToLatest,
  recordFulfillment,
  recordOrder,
  recordRefund,
  redactCustomer,
  upsertProduct,
  type Db,
} from '../src/index.ts'

const store = 'shop'
const order = (orderId: string, overrides: Partial<OrderInput> = {}) =>
  orderSchema.parse({
    orderId,
    customer: { id: 'c1', email: 'ada@example.com', firstName: 'Ada' },
    currency: 'EUR',
    placedAt: '2026-11-20T10:00:00Z',
    lineItems: [
      { productId: 'p1', title: 'Kettle', quantity: 1, unitPrice: '20.00' },
      { productId: 'p2', title: 'Mug', quantity: 2, unitPrice: '5.00' },
    ],
    ...overrides,
  })

describe('commerce repositories', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('commerce'))
    await migrateToLatest(db)
    await createStore(
      db,
      store,
      storeSettingsSchema.parse({
        name: 'Shop',
        currency: 'EUR',
        shopify: { domain: 'shop.myshopify.com', webhookSecret: 's'.repeat(32) },
      }),
      'hash-1',
    )
  })
  afterAll(async () => db?.destroy())

  const dispatches = (orderId: string) =>
    db
      .selectFrom('dispatches')
      .select(['kind', 'payload'])
      .where((eb) => eb(eb.ref('payload', '->>').key('orderId'), '=', orderId))
      .orderBy('id')
      .execute()

  it('reads a store back with its policy defaults and finds it by shop domain', async () => {
    const stored = await getStore(db, store)
    expect(stored).toMatchObject({ id: store, currency: 'EUR', timeZone: 'UTC', apiTokenHash: 'hash-1' })
    expect(stored?.policy.segments).toEqual({ vipMinSpend: 500, vipMinOrders: 5 })
    expect(await findShopifyStore(db, 'shop.myshopify.com')).toMatchObject({ storeId: store, currency: 'EUR' })
    expect(await findShopifyStore(db, 'other.myshopify.com')).toBeUndefined()
  })

  it('announces a fulfilment that arrived before its order after the order, in that order', async () => {
    const early = await db.transaction().execute((trx) =>
      recordFulfillment(trx, store, {
        fulfillmentId: 'f1',
        orderId: 'o1',
        fulfilledAt: new Date('2026-11-21T00:00:00Z'),
        lineItems: [{ productId: 'p1', quantity: 1 }],
      }),
    )
    expect(early).toEqual({ duplicate: false, waitingForOrder: true })
    expect(await dispatches('o1')).toEqual([])

    await recordOrder(db, store, order('o1'), 'shopify')
    const late = await db.transaction().execute((trx) =>
      recordFulfillment(trx, store, {
        fulfillmentId: 'f2',
        orderId: 'o1',
        fulfilledAt: new Date('2026-11-22T00:00:00Z'),
        lineItems: [{ productId: 'p2', quantity: 2 }],
      }),
    )
    expect(late).toEqual({ duplicate: false, waitingForOrder: false })
    expect(await dispatches('o1')).toEqual([
      { kind: 'orderPlaced', payload: { orderId: 'o1', placedAt: '2026-11-20T10:00:00.000Z', productIds: ['p1', 'p2'] } },
      { kind: 'orderFulfilled', payload: { orderId: 'o1', fulfilledAt: '2026-11-21T00:00:00.000Z', complete: false } },
      { kind: 'orderFulfilled', payload: { orderId: 'o1', fulfilledAt: '2026-11-22T00:00:00.000Z', complete: true } },
    ])
  })

  it('computes a full refund from the amounts, and records each refund once', async () => {
    await recordOrder(db, store, order('o2'))
    const refund = { refundId: 'r1', orderId: 'o2', refundedAt: new Date('2026-11-23T00:00:00Z'), amount: '10.00' }
    await db.transaction().execute((trx) => recordRefund(trx, store, refund))
    expect(await db.transaction().execute((trx) => recordRefund(trx, store, refund))).toEqual({ duplicate: true, waitingForOrder: false })
    await db.transaction().execute((trx) => recordRefund(trx, store, { ...refund, refundId: 'r2', amount: '20.00' }))
    const refunds = (await dispatches('o2')).filter((row) => row.kind === 'orderRefunded')
    expect(refunds.map((row) => row.payload.full)).toEqual([false, true])
  })

  it('cancels once, and an order that arrives cancelled starts no journey', async () => {
    await recordOrder(db, store, order('o3'))
    const cancellation = { orderId: 'o3', cancelledAt: new Date('2026-11-21T00:00:00Z') }
    expect(await db.transaction().execute((trx) => cancelOrder(trx, store, cancellation))).toEqual({
      unknownOrder: false,
      duplicate: false,
    })
    expect(await db.transaction().execute((trx) => cancelOrder(trx, store, cancellation))).toEqual({ unknownOrder: false, duplicate: true })
    expect((await dispatches('o3')).map((row) => row.kind)).toEqual(['orderPlaced', 'orderCancelled'])

    await recordOrder(db, store, order('o4', { cancelledAt: '2026-11-21T00:00:00Z' }))
    await db
      .transaction()
      .execute((trx) =>
        recordFulfillment(trx, store, { fulfillmentId: 'f4', orderId: 'o4', fulfilledAt: new Date('2026-11-21T00:00:00Z') }),
      )
    expect(await dispatches('o4')).toEqual([])
  })

  it('keeps the newest product and ignores a late, older update', async () => {
    const product = { productId: 'p1', title: 'Kettle', available: true, price: '20.00', updatedAt: new Date('2026-11-20T00:00:00Z') }
    expect(await upsertProduct(db, store, product)).toEqual({ written: true })
    expect(await upsertProduct(db, store, { ...product, title: 'Kettle v2', updatedAt: new Date('2026-11-22T00:00:00Z') })).toEqual({
      written: true,
    })
    expect(await upsertProduct(db, store, { ...product, title: 'Old', updatedAt: new Date('2026-11-21T00:00:00Z') })).toEqual({
      written: false,
    })
    const row = await db.selectFrom('products').select(['title', 'price']).where('id', '=', 'p1').executeTakeFirstOrThrow()
    expect(row).toEqual({ title: 'Kettle v2', price: '20.0000' })
  })

  it('redacts a customer: an opaque id, a tombstone email, no name, orders kept', async () => {
    const redacted = await db.transaction().execute((trx) => redactCustomer(trx, store, { email: 'ada@example.com' }))
    expect(redacted).toMatch(/^redacted:[0-9a-f]{32}$/)
    const row = await db.selectFrom('customers').selectAll().where('id', '=', redacted!).executeTakeFirstOrThrow()
    expect(row.email).toMatch(/^redacted\+[0-9a-f]{32}@redacted\.invalid$/)
    expect(row).toMatchObject({ first_name: null, last_name: null, account_id: null })
    expect(row.redacted_at).toBeInstanceOf(Date)
    // The orders moved with the customer, through the foreign key.
    const orders = await db.selectFrom('orders').select('customer_id').distinct().where('store_id', '=', store).execute()
    expect(orders.map((order) => order.customer_id)).not.toContain('c1')
    expect(await db.transaction().execute((trx) => redactCustomer(trx, store, { email: 'ada@example.com' }))).toBeUndefined()
    expect(await db.transaction().execute((trx) => redactCustomer(trx, store, { customerId: 'c1' }))).toBeUndefined()
    expect(await db.transaction().execute((trx) => redactCustomer(trx, store, { customerId: redacted! }))).toBe(redacted)
  })

  it('refuses a redelivered order of an erased customer, and takes a new order of theirs as a new customer', async () => {
    const placed = new Date(Date.now() - 60_000)
    const first = await recordOrder(db, store, order('e1', { customer: { id: 'e-1', email: 'erin@example.com' }, placedAt: placed }))
    expect(first.erased).toBe(false)
    await db.transaction().execute((trx) => redactCustomer(trx, store, { customerId: 'e-1' }))
    expect(await recordOrder(db, store, order('e1', { customer: { id: 'e-1', email: 'erin@example.com' }, placedAt: placed }))).toEqual({
      orderId: 'e1',
      erased: true,
    })
    // By email alone, too: a guest checkout of the same person.
    expect((await recordOrder(db, store, order('e2', { customer: { email: 'erin@example.com' }, placedAt: placed }))).erased).toBe(true)
    const later = await recordOrder(
      db,
      store,
      order('e3', { customer: { id: 'e-1', email: 'erin@example.com' }, placedAt: new Date(Date.now() + 60_000) }),
    )
    expect(later).toMatchObject({ erased: false, customerId: 'e-1', duplicate: false })
  })

  it('imports history without dispatches, and a re-import adds nothing', async () => {
    const before = await db.selectFrom('dispatches').select('id').execute()
    const history = [
      {
        orderId: 'h1',
        customer: { id: '17850' },
        currency: 'GBP',
        placedAt: new Date('2010-12-01T08:26:00Z'),
        lineItems: [{ productId: 'p9', title: 'Lantern', quantity: 6, unitPrice: '3.39' }],
      },
      {
        orderId: 'h2',
        customer: { email: 'bo@example.com' },
        currency: 'GBP',
        placedAt: new Date('2010-12-02T08:26:00Z'),
        lineItems: [{ productId: 'p1', title: 'Kettle', quantity: 1, unitPrice: '2.00' }],
      },
    ]
    expect(await importOrderHistory(db, store, history)).toEqual({ orders: 2, lines: 2, customers: 2, products: 1 })
    expect(await importOrderHistory(db, store, history)).toEqual({ orders: 0, lines: 0, customers: 0, products: 0 })
    expect(await db.selectFrom('dispatches').select('id').execute()).toHaveLength(before.length)
    const h1 = await db.selectFrom('orders').select(['customer_id', 'total', 'source']).where('id', '=', 'h1').executeTakeFirstOrThrow()
    expect(h1).toEqual({ customer_id: '17850', total: '20.3400', source: 'import' })
  })

  it('lets the platform’s catalogue replace a product known only from history, whatever its edit time', async () => {
    const sold = [
      {
        orderId: 'h9',
        customer: { id: '17851' },
        currency: 'GBP',
        placedAt: new Date('2011-12-09T12:50:00Z'),
        lineItems: [{ productId: 'p10', title: 'Lantern', quantity: 1, unitPrice: '3.39' }],
      },
    ]
    await importOrderHistory(db, store, sold)
    // Shopify stamps a product with its last edit, which is usually long before its last sale.
    const synced = {
      productId: 'p10',
      title: 'White lantern',
      available: true,
      url: 'https://shop.example/products/lantern',
      updatedAt: new Date('2010-06-01T00:00:00Z'),
    }
    expect(await upsertProduct(db, store, synced)).toEqual({ written: true })
    const row = await db
      .selectFrom('products')
      .select(['title', 'url'])
      .where('store_id', '=', store)
      .where('id', '=', 'p10')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ title: 'White lantern', url: 'https://shop.example/products/lantern' })
  })

  it('gives a customer imported without an email the one their first live order brings', async () => {
    const history = [
      {
        orderId: 'h3',
        customer: { id: '12347' },
        currency: 'GBP',
        placedAt: new Date('2011-01-05T10:00:00Z'),
        lineItems: [{ productId: 'p9', title: 'Lantern', quantity: 1, unitPrice: '3.39' }],
      },
    ]
    await importOrderHistory(db, store, history)
    const emailOf = async (id: string) =>
      (await db.selectFrom('customers').select('email').where('store_id', '=', store).where('id', '=', id).executeTakeFirstOrThrow()).email
    expect(await emailOf('12347')).toBe('imported+12347@no-email.invalid')
    const live = await recordOrder(db, store, order('l1', { customer: { id: '12347', email: 'cy@example.com' } }))
    expect(live).toMatchObject({ erased: false, customerId: '12347' })
    expect(await emailOf('12347')).toBe('cy@example.com')
    // A real email stays: a later order with another one belongs to the same id, but does not rewrite it.
    await recordOrder(db, store, order('l2', { customer: { id: '12347', email: 'cy.other@example.com' } }))
    expect(await emailOf('12347')).toBe('cy@example.com')
  })
})
