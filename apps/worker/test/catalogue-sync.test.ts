import {
  ApiKeyCipher,
  createDatabase,
  migrateToLatest,
  saveShopifyConnection,
  upsertProduct,
  describeShopifyConnection,
  type Db,
} from '@crosswise/db'
import { catalogueSyncId } from '@crosswise/domain'
import { ShopifyRefusedError } from '@crosswise/shopify'
import {
  createTestDatabase,
  startFakeKlaviyo,
  startFakeShopify,
  temporalAddress,
  uniqueId,
  type FakeShopify,
  type FakeShopifyProductInput,
} from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActivities, syncStoreCatalogue } from '@crosswise/engine'
import { catalogueSyncSchedule, ensureStoreSchedule, StoreScheduleKeeper } from '../src/index.ts'
import { givenStore } from './store-fixtures.ts'
import { waitUntil, withEngineWorker } from './engine-worker.ts'

const cipher = ApiKeyCipher.fromSecret(Buffer.alloc(32, 7).toString('base64'))
const accessToken = 'shpat_0123456789abcdef0123456789abcdef'
const hourAgo = () => new Date(Date.now() - 3_600_000)
const teas = (count: number): FakeShopifyProductInput[] =>
  Array.from({ length: count }, (_, index) => ({
    id: String(8_100_000_000_000 + index),
    title: `Tea ${index}`,
    productType: 'Tea',
    updatedAt: hourAgo(),
    imageUrl: `https://cdn.shopify.com/tea-${index}.jpg`,
    variants: [
      { price: `${5 + (index % 7)}.50`, inventoryQuantity: index % 4 },
      { price: '99.00', inventoryQuantity: 0 },
    ],
  }))

describe('Shopify catalogue sync', () => {
  let db: Db
  const fakes: FakeShopify[] = []
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('catalogue_sync'))
    await migrateToLatest(db)
  })
  afterAll(async () => {
    for (const fake of fakes) await fake.close()
    await db?.destroy()
  })

  /** A store connected to a fresh fake Shopify holding `products`. */
  async function connectedStore(products: FakeShopifyProductInput[], bucket?: { maximumAvailable: number; restoreRate: number }) {
    const storeId = uniqueId('tea')
    const shop = await startFakeShopify({ products, accessToken, shopDomain: `${storeId}.myshopify.com`, ...(bucket ? { bucket } : {}) })
    fakes.push(shop)
    await givenStore(db, storeId)
    expect(
      await saveShopifyConnection(db, cipher, storeId, { shopDomain: shop.shopDomain, accessToken, apiVersion: '2026-10' }),
    ).toMatchObject({ status: 'saved' })
    const sync = () => syncStoreCatalogue(db, storeId, { cipher, shopifyBaseUrl: shop.url, pageSize: 10, retryDelayMs: 10 })
    const product = (id: string) =>
      db.selectFrom('products').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirstOrThrow()
    return { storeId, shop, sync, product }
  }

  it('reads the whole paginated catalogue into products, by the catalogue rule, and notes what it did', async () => {
    const { storeId, shop, sync, product } = await connectedStore(teas(45))
    shop.setProduct({ id: '8100000000999', title: 'Draft Tea', status: 'DRAFT', updatedAt: hourAgo() })
    shop.setProduct({ id: '8100000000998', title: 'Hidden Tea', published: false, updatedAt: hourAgo() })
    const outcome = await sync()
    expect(outcome).toEqual({ status: 'synced', pages: 5, products: 47, upserted: 47, deleted: 0, waitedMs: 0 })
    expect(await product('8100000000001')).toMatchObject({
      title: 'Tea 1',
      category: 'Tea',
      price: '6.5000',
      currency: 'EUR',
      available: true,
      // The row keeps the handle: the page follows the store's template, else the Shopify shop.
      url: null,
      handle: 'tea-1',
      image_url: 'https://cdn.shopify.com/tea-1.jpg',
      deleted_at: null,
    })
    expect((await product('8100000000000')).available).toBe(false)
    expect((await product('8100000000999')).available).toBe(false)
    expect((await product('8100000000998')).available).toBe(false)
    expect(await describeShopifyConnection(db, storeId)).toMatchObject({
      lastSyncedAt: expect.any(Date),
      lastSync: { products: 47, pages: 5 },
    })
    // Nothing changed: running again writes the same rows and removes nothing.
    expect(await sync()).toMatchObject({ products: 47, deleted: 0 })
  })

  it('honours the shop’s cost bucket: the fake never sees a request its bucket cannot pay for', async () => {
    // A page of 10 requests 2 + 10 × 26 = 262 points and costs 2 + 10 × 8 = 82; the bucket holds 300, restoring 150 a second.
    const { shop, sync } = await connectedStore(teas(60), { maximumAvailable: 300, restoreRate: 150 })
    const outcome = await sync()
    expect(outcome).toMatchObject({ status: 'synced', pages: 6, products: 60 })
    if (outcome.status !== 'synced') throw new Error('not synced')
    expect(outcome.waitedMs).toBeGreaterThan(0)
    expect(shop.requests.filter((request) => request.throttled)).toEqual([])
    expect(shop.requests.every((request) => request.availableBefore! >= request.requestedCost!)).toBe(true)
  })

  it('marks a product Shopify no longer lists unavailable at the next sync, keeping the row', async () => {
    const { shop, sync, product } = await connectedStore(teas(12))
    await sync()
    shop.deleteProduct('8100000000005')
    expect(await sync()).toMatchObject({ products: 11, deleted: 1 })
    expect(await product('8100000000005')).toMatchObject({ title: 'Tea 5', available: false, deleted_at: expect.any(Date) })
    expect((await product('8100000000001')).available).toBe(true)
  })

  it('keeps a webhook’s newer update rather than the older version the sync read', async () => {
    const { storeId, sync, product } = await connectedStore(teas(3))
    // A products/update Shopify sent after the sync read its page: newer than the listed version.
    await upsertProduct(db, storeId, { productId: '8100000000002', title: 'Tea 2 (renamed)', available: false, updatedAt: new Date() })
    expect(await sync()).toMatchObject({ products: 3, upserted: 2 })
    expect(await product('8100000000002')).toMatchObject({ title: 'Tea 2 (renamed)', available: false })
  })

  it('survives a 5xx from Shopify, and refuses a revoked token for good', async () => {
    const { storeId, shop, sync } = await connectedStore(teas(15))
    shop.injectFault({ fault: { kind: 'server-error', status: 503 } })
    expect(await sync()).toMatchObject({ products: 15 })
    await saveShopifyConnection(db, cipher, storeId, {
      shopDomain: shop.shopDomain,
      accessToken: 'shpat_revoked00000000000000000000',
      apiVersion: '2026-10',
    })
    await expect(sync()).rejects.toBeInstanceOf(ShopifyRefusedError)
  })

  it('does nothing for a store without a Shopify connection', async () => {
    const storeId = uniqueId('plain')
    await givenStore(db, storeId)
    expect(await syncStoreCatalogue(db, storeId, { cipher })).toEqual({ status: 'not-connected' })
  })

  it(
    'schedules a sync per connected store, and the schedule’s workflow syncs the catalogue on to Klaviyo',
    { timeout: 180_000 },
    async () => {
      const klaviyoKey = 'pk_catalogue0000000000000000000000'
      const klaviyo = await startFakeKlaviyo({ apiKeys: [klaviyoKey] })
      const connection = await Connection.connect({ address: temporalAddress() })
      const client = new Client({ connection })
      const { storeId, shop, product } = await connectedStore(teas(8))
      const taskQueue = uniqueId('catalogue')
      const options = { taskQueue, cron: '0 */6 * * *', callTimeoutMs: 10_000 }
      try {
        const keeper = new StoreScheduleKeeper({
          kind: catalogueSyncSchedule,
          client,
          db,
          logger: pino({ level: 'silent' }),
          everyMs: 60_000,
          ...options,
        })
        expect(await keeper.sweep()).toBeGreaterThanOrEqual(1)
        expect(await ensureStoreSchedule(client, catalogueSyncSchedule, storeId, options)).toBe('updated')
        const schedule = client.schedule.getHandle(catalogueSyncId(storeId))
        const description = await schedule.describe()
        expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'syncCatalogue', taskQueue, args: [{ storeId }] })
        expect(description.info.nextActionTimes[0]!.getUTCHours() % 6).toBe(0)

        const activities = createActivities({
          db,
          catalogue: { cipher, shopifyBaseUrl: shop.url, pageSize: 5 },
          klaviyo: { cipher, defaultApiKey: klaviyoKey, connection: { basePath: klaviyo.url } },
        })
        await withEngineWorker(activities, taskQueue, async () => {
          await schedule.trigger()
          await waitUntil(async () => (await describeShopifyConnection(db, storeId)).lastSync !== undefined, 120_000, 250)
        })
        expect((await describeShopifyConnection(db, storeId)).lastSync).toMatchObject({ status: 'synced', pages: 2, products: 8 })
        expect((await product('8100000000007')).title).toBe('Tea 7')
        // The store has a Klaviyo key: its Klaviyo catalogue holds what an email can show, sold-out teas not.
        const sendable = await db
          .selectFrom('products')
          .select('id')
          .where('store_id', '=', storeId)
          .where('available', '=', true)
          .execute()
        expect(sendable.length).toBeGreaterThan(0)
        expect([...klaviyo.state.catalogItems.keys()].sort()).toEqual(sendable.map((row) => row.id).sort())
        expect(klaviyo.specViolations).toEqual([])
      } finally {
        await klaviyo.close()
        for (const scheduleId of (await db.selectFrom('shopify_connections').select('store_id').execute()).map((row) =>
          catalogueSyncId(row.store_id),
        )) {
          await client.schedule
            .getHandle(scheduleId)
            .delete()
            .catch(() => undefined)
        }
        await connection.close()
      }
    },
  )
})
