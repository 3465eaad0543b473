import { orderSchema, storeSettingsSchema } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../migrations/index.ts'
import {
  bestSellersIn,
  createDatabase,
  createStore,
  findProducts,
  importCatalogue,
  migrateToLatest,
  readPickFacts,
  recordOrder,
  saveManualPairings,
  updateStore,
  upsertProduct,
  type Db,
} from '../src/index.ts'

const store = 'pages'
const settings = storeSettingsSchema.parse({
  name: 'Pages',
  currency: 'EUR',
  shopify: { domain: 'pages.myshopify.com', webhookSecret: 's'.repeat(32) },
})
const at = '2026-11-20T10:00:00Z'

describe('product pages', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('product_pages'))
    await migrateToLatest(db)
    await createStore(db, store, settings, 'hash-pages')
    for (const product of [
      { productId: 'own', title: 'Own page', url: 'https://elsewhere.example/own', category: 'Tea' },
      { productId: '8123', title: 'Kettle', handle: 'blue-kettle', category: 'Tea' },
      { productId: 'a b/c', title: 'Imported from orders', category: 'Tea' },
      { productId: 'café', title: 'Unicode handle', handle: 'café-crème' },
    ]) {
      await upsertProduct(db, store, { available: true, updatedAt: new Date(at), ...product })
    }
  })
  afterAll(async () => db?.destroy())

  const pages = async () =>
    Object.fromEntries((await findProducts(db, store, ['own', '8123', 'a b/c', 'café'])).map((product) => [product.productId, product.url]))

  it('come from the own URL, else the handle on the Shopify shop', async () => {
    expect(await pages()).toEqual({
      own: 'https://elsewhere.example/own',
      8123: 'https://pages.myshopify.com/products/blue-kettle',
      'a b/c': null,
      café: 'https://pages.myshopify.com/products/caf%C3%A9-cr%C3%A8me',
    })
  })

  it('follow the store’s template at once, filling only what a product has', async () => {
    await updateStore(db, store, { productUrlTemplate: 'https://shop.example.com/products/{handle}' })
    expect(await pages()).toMatchObject({
      8123: 'https://shop.example.com/products/blue-kettle',
      'a b/c': null,
      own: 'https://elsewhere.example/own',
    })

    await updateStore(db, store, { productUrlTemplate: 'https://shop.example.com/p?id={id}' })
    expect(await pages()).toMatchObject({ 8123: 'https://shop.example.com/p?id=8123', 'a b/c': 'https://shop.example.com/p?id=a%20b%2Fc' })

    // Both placeholders: a product without a handle cannot fill it, and has no shop page either.
    await updateStore(db, store, { productUrlTemplate: 'https://shop.example.com/{handle}-{id}' })
    expect(await pages()).toMatchObject({ 8123: 'https://shop.example.com/blue-kettle-8123', 'a b/c': null })

    await updateStore(db, store, { productUrlTemplate: null, shopify: null })
    expect(await pages()).toEqual({ own: 'https://elsewhere.example/own', 8123: null, 'a b/c': null, café: null })
  })

  it('decide what manual pairings and best sellers may recommend', async () => {
    await saveManualPairings(db, store, [
      { triggerProductId: 'own', recommendedProductId: '8123', priority: 2 },
      { triggerProductId: 'own', recommendedProductId: 'a b/c', priority: 1 },
    ])
    const order = orderSchema.parse({
      orderId: 'with-own',
      customer: { email: 'reader@example.com' },
      currency: 'EUR',
      placedAt: at,
      lineItems: [{ productId: 'own', title: 'Own page', quantity: 1, unitPrice: '12.50' }],
    })
    const recorded = await recordOrder(db, store, order)
    if (recorded.erased) throw new Error('the customer was erased')
    const recommended = async () =>
      (await readPickFacts(db, store, recorded.customerId, 'with-own')).manual.map((pairing) => pairing.recommendedProductId)
    const sellers = async () => (await bestSellersIn(db, store, ['Tea'], [], 10)).map((seller) => seller.productId).sort()
    expect(await recommended()).toEqual([])
    expect(await sellers()).toEqual(['own'])
    await updateStore(db, store, { productUrlTemplate: 'https://shop.example.com/products/{id}' })
    expect(await recommended()).toEqual(['8123', 'a b/c'])
    expect(await sellers()).toEqual(['8123', 'a b/c', 'own'])
    await updateStore(db, store, { productUrlTemplate: null })
    // The rest of what a pick reads comes with them.
    expect(await readPickFacts(db, store, recorded.customerId, 'with-own')).toMatchObject({
      lines: [{ productId: 'own', title: 'Own page', category: null, unitPrice: '12.5000' }],
      owned: ['own'],
      retired: [],
    })
  })
})

describe('catalogue import', () => {
  let db: Db
  const shop = 'catalogue'
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('catalogue_import'))
    await migrateToLatest(db)
    await createStore(
      db,
      shop,
      { ...settings, shopify: { domain: 'catalogue.myshopify.com', webhookSecret: 's'.repeat(32) } },
      'hash-catalogue',
    )
    await upsertProduct(db, shop, {
      productId: '8123',
      title: 'Kettle (webhook)',
      handle: 'blue-kettle',
      imageUrl: 'https://cdn.example/kettle.jpg',
      available: false,
      updatedAt: new Date(at),
    })
  })
  afterAll(async () => db?.destroy())

  const entries = [
    { handle: 'blue-kettle', title: 'Blue Kettle', price: '39.9', available: true },
    { handle: 'green-mug', title: 'Green Mug', category: 'Mugs', price: '8', available: false },
    { productId: 'p-9', title: 'No page', price: '1.00' },
  ]

  it('updates the product a webhook stored under its handle, keys new ones by handle, keeps what the file leaves out', async () => {
    expect(await importCatalogue(db, shop, entries)).toEqual({
      added: 2,
      updated: 1,
      unchanged: 0,
      available: 2,
      unavailable: 1,
      withoutPage: 1,
    })
    const rows = await db
      .selectFrom('products')
      .select(['id', 'handle', 'title', 'price', 'currency', 'available', 'image_url'])
      .where('store_id', '=', shop)
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      {
        id: '8123',
        handle: 'blue-kettle',
        title: 'Blue Kettle',
        price: '39.9000',
        currency: 'EUR',
        available: true,
        image_url: 'https://cdn.example/kettle.jpg',
      },
      { id: 'green-mug', handle: 'green-mug', title: 'Green Mug', price: '8.0000', currency: 'EUR', available: false, image_url: null },
      { id: 'p-9', handle: null, title: 'No page', price: '1.0000', currency: 'EUR', available: true, image_url: null },
    ])
  })

  it('changes nothing on a re-import', async () => {
    const before = await db.selectFrom('products').select(['id', 'updated_at']).where('store_id', '=', shop).orderBy('id').execute()
    expect(await importCatalogue(db, shop, entries)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 3,
      available: 2,
      unavailable: 1,
      withoutPage: 1,
    })
    expect(await db.selectFrom('products').select(['id', 'updated_at']).where('store_id', '=', shop).orderBy('id').execute()).toEqual(
      before,
    )
  })
})

describe('migration 0010', () => {
  it('turns the shop-domain URLs Shopify webhooks stored into handles, and leaves other URLs alone', async () => {
    const db = createDatabase(await createTestDatabase('product_pages_migration'))
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      const before = await migrator.migrateTo('0007-segment-price-bands')
      expect(before.error).toBeUndefined()
      await sql`insert into stores (id, name, shopify_domain, shopify_webhook_secret) values ('old', 'Old', 'old.myshopify.com', 'secret')`.execute(
        db,
      )
      await sql`
        insert into products (store_id, id, title, url, updated_at) values
          ('old', '1', 'From a webhook', 'https://old.myshopify.com/products/blue-kettle', now()),
          ('old', '2', 'Own page', 'https://old.example/kettle', now()),
          ('old', '3', 'Odd path', 'https://old.myshopify.com/products/a/b', now())`.execute(db)
      await migrateToLatest(db)
      const rows = await db.selectFrom('products').select(['id', 'url', 'handle']).orderBy('id').execute()
      expect(rows).toEqual([
        { id: '1', url: null, handle: 'blue-kettle' },
        { id: '2', url: 'https://old.example/kettle', handle: null },
        { id: '3', url: 'https://old.myshopify.com/products/a/b', handle: null },
      ])
      expect((await findProducts(db, 'old', ['1']))[0]?.url).toBe('https://old.myshopify.com/products/blue-kettle')
    } finally {
      await db.destroy()
    }
  })
})
