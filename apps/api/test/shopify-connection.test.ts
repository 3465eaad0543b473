import { randomBytes } from 'node:crypto'
import { ApiKeyCipher, createDatabase, loadShopifyConnection, migrateToLatest, type Db } from '@crosswise/db'
import { catalogueSyncId } from '@crosswise/domain'
import { checkShopifyAccess } from '@crosswise/shopify'
import { createTestDatabase, startFakeShopify, temporalAddress, uniqueId, type FakeShopify } from '@crosswise/testing'
import { createActivities, createJourneyWorker, NativeConnection } from '@crosswise/engine'
import { Client, Connection } from '@temporalio/client'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-shopify-tests'
const accessToken = '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'
const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))
const hourAgo = new Date(Date.now() - 3_600_000)

describe("admin API: connecting a store's Shopify Admin API syncs its catalogue", () => {
  let db: Db
  let shop: FakeShopify
  let connection: Connection
  let workerConnection: NativeConnection
  let worker: Awaited<ReturnType<typeof createJourneyWorker>>
  let running: Promise<void>
  const taskQueue = uniqueId('shopify-connect')
  const storeId = uniqueId('brewline')
  const shopDomain = `${storeId}.myshopify.com`
  const apps: FastifyInstance[] = []

  beforeAll(async () => {
    shop = await startFakeShopify({
      accessToken,
      shopDomain,
      shopName: 'Brewline',
      // Small, so that the sync has to wait for it.
      bucket: { maximumAvailable: 700, restoreRate: 400 },
      products: Array.from({ length: 120 }, (_, index) => ({
        id: String(9_223_372_036_854_700_000n + BigInt(index)),
        title: `Coffee ${index}`,
        productType: index % 2 ? 'Beans' : 'Gear',
        updatedAt: hourAgo,
        variants: [{ price: `${12 + index}.00`, inventoryQuantity: 3 }],
      })),
    })
    db = createDatabase(await createTestDatabase('api_shopify_connection'))
    await migrateToLatest(db)
    connection = await Connection.connect({ address: temporalAddress() })
    workerConnection = await NativeConnection.connect({ address: temporalAddress() })
    worker = await createJourneyWorker({
      connection: workerConnection,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db, catalogue: { cipher, shopifyBaseUrl: shop.url } }),
    })
    running = worker.run()
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    worker?.shutdown()
    await running
    await workerConnection?.close()
    await connection?.close()
    await db?.destroy()
    await shop?.close()
  })

  async function api(temporal: Client | undefined = new Client({ connection })) {
    const app = await buildServer({
      db,
      logger: pino({ level: 'silent' }),
      bodyLimit: 64 * 1024,
      adminToken,
      apiKeyCipher: cipher,
      checkShopifyAccess: (access) => checkShopifyAccess({ ...access, baseUrl: shop.url, timeoutMs: 2_000 }),
      ...(temporal ? { temporal } : {}),
      taskQueue,
      temporalCallTimeoutMs: 1_000,
    })
    apps.push(app)
    const call = (method: 'POST' | 'PUT' | 'GET' | 'DELETE', url: string, payload?: object, token = adminToken) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) })
    return call
  }
  const storeShop = async () =>
    (await db.selectFrom('stores').select('shopify_domain').where('id', '=', storeId).executeTakeFirstOrThrow()).shopify_domain
  const products = () => db.selectFrom('products').select(['id', 'available', 'price']).where('store_id', '=', storeId).execute()

  it('refuses a token Shopify refuses with 422 and Shopify’s reason, saving nothing', async () => {
    const call = await api()
    expect((await call('POST', '/v1/admin/stores', { id: storeId, name: 'Brewline', currency: 'EUR' })).statusCode).toBe(201)
    const refused = await call('PUT', `/v1/admin/stores/${storeId}/shopify`, {
      shopDomain,
      accessToken: 'shpat_wrong0000000000000000000000000000',
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({
      error: 'shopify_token_refused',
      message: expect.stringContaining('401: [API] Invalid API key or access token'),
    })
    expect(refused.body).not.toContain('shpat_wrong')
    expect(await loadShopifyConnection(db, cipher, storeId)).toBeUndefined()
    expect(await storeShop()).toBeNull()
  })

  it('answers 502 and saves nothing when Shopify cannot be asked', async () => {
    const call = await api()
    shop.injectFault({ fault: { kind: 'server-error', status: 503 } })
    const unreachable = await call('PUT', `/v1/admin/stores/${storeId}/shopify`, { shopDomain, accessToken })
    expect([unreachable.statusCode, unreachable.json().error]).toEqual([502, 'shopify_unreachable'])
    expect(await loadShopifyConnection(db, cipher, storeId)).toBeUndefined()
  })

  it('saves the token sealed, sets the store’s shop, and the sync it starts reads the whole catalogue', { timeout: 120_000 }, async () => {
    const call = await api()
    const connected = await call('PUT', `/v1/admin/stores/${storeId}/shopify`, { shopDomain, accessToken })
    expect(connected.statusCode).toBe(200)
    expect(connected.body).not.toContain(accessToken)
    expect(connected.json()).toMatchObject({
      configured: true,
      shopDomain,
      accessTokenLast4: '9f01',
      apiVersion: '2026-10',
      sync: { status: 'started', workflowId: catalogueSyncId(storeId) },
    })
    const row = await db.selectFrom('shopify_connections').selectAll().where('store_id', '=', storeId).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(accessToken.slice(6))
    // The shop webhooks will name; they are accepted once the store also has the app's secret (PATCH the store).
    expect(await storeShop()).toBe(shopDomain)

    const outcome = await new Client({ connection }).workflow.getHandle(catalogueSyncId(storeId)).result()
    expect(outcome).toMatchObject({ status: 'synced', pages: 5, products: 120, upserted: 120, deleted: 0 })
    expect(outcome.status === 'synced' && outcome.waitedMs).toBeGreaterThan(0)
    expect(shop.requests.filter((request) => request.throttled)).toEqual([])
    const stored = await products()
    expect(stored).toHaveLength(120)
    expect(stored.find((product) => product.id === '9223372036854700000')).toEqual({
      id: '9223372036854700000',
      available: true,
      price: '12.0000',
    })

    const read = await call('GET', `/v1/admin/stores/${storeId}/shopify`)
    expect(read.body).not.toContain(accessToken)
    expect(read.json()).toMatchObject({
      configured: true,
      accessTokenLast4: '9f01',
      lastSyncedAt: expect.any(String),
      lastSync: { products: 120 },
    })
  })

  it('refuses another shop for a store that has one, and a shop another store has', async () => {
    const call = await api()
    const other = await call('PUT', `/v1/admin/stores/${storeId}/shopify`, { shopDomain: 'elsewhere.myshopify.com', accessToken })
    expect([other.statusCode, other.json().message]).toEqual([
      409,
      `Store '${storeId}' is connected to ${shopDomain}, not elsewhere.myshopify.com.`,
    ])
    const second = uniqueId('copycat')
    expect((await call('POST', '/v1/admin/stores', { id: second, name: 'Copycat' })).statusCode).toBe(201)
    const taken = await call('PUT', `/v1/admin/stores/${second}/shopify`, { shopDomain, accessToken })
    expect([taken.statusCode, taken.json().error]).toEqual([409, 'conflict'])
    expect(await loadShopifyConnection(db, cipher, second)).toBeUndefined()
  })

  it('saves the connection when Temporal is unreachable; the schedule syncs it later', async () => {
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) })
    const call = await api(unreachable)
    const saved = await call('PUT', `/v1/admin/stores/${storeId}/shopify`, { shopDomain, accessToken, apiVersion: '2026-07' })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ apiVersion: '2026-07', sync: { status: 'not-started' } })
    expect(await loadShopifyConnection(db, cipher, storeId)).toEqual({ shopDomain, accessToken, apiVersion: '2026-07' })
  })

  it('rejects a malformed token without echoing it, strangers and unknown stores; removing keeps the catalogue', async () => {
    const call = await api()
    const bad = await call('PUT', `/v1/admin/stores/${storeId}/shopify`, { shopDomain, accessToken: 'not a token at all, secret' })
    expect([bad.statusCode, bad.json().issues[0].field]).toEqual([400, 'body.accessToken'])
    expect(bad.body).not.toContain('secret')
    const badShop = await call('PUT', `/v1/admin/stores/${storeId}/shopify`, { shopDomain: 'brewline.com', accessToken })
    expect([badShop.statusCode, badShop.json().issues[0].field]).toEqual([400, 'body.shopDomain'])
    expect((await call('PUT', '/v1/admin/stores/nobody/shopify', { shopDomain: 'nobody.myshopify.com', accessToken })).statusCode).toBe(404)
    expect((await call('GET', '/v1/admin/stores/nobody/shopify')).statusCode).toBe(404)
    expect((await call('PUT', `/v1/admin/stores/${storeId}/shopify`, { shopDomain, accessToken }, 'guess')).statusCode).toBe(401)
    expect((await call('GET', `/v1/admin/stores/${storeId}/shopify`, undefined, 'guess')).statusCode).toBe(401)

    expect((await call('DELETE', `/v1/admin/stores/${storeId}/shopify`)).json()).toEqual({ configured: false })
    expect((await call('GET', `/v1/admin/stores/${storeId}/shopify`)).json()).toEqual({ configured: false })
    expect(await products()).toHaveLength(120)
  })
})
