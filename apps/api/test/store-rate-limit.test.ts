import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'
import { shopifyFixture, shopifyHeaders } from './shopify-fixtures.ts'

const adminToken = 'admin-token-for-rate-tests'
const webhookSecret = 'shpss_ratelimit0123456789abcdef'

describe('per-store request rate', () => {
  let db: Db
  let app: FastifyInstance
  const tokens = new Map<string, string>()
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_store_rate'))
    await migrateToLatest(db)
    // A rate of one a minute: the burst is all a store gets during the test.
    app = await buildServer({
      db,
      logger: pino({ level: 'silent' }),
      bodyLimit: 64 * 1024,
      adminToken,
      storeRateLimit: { perSecond: 1 / 60, burst: 2 },
    })
    for (const id of ['busy', 'calm']) {
      const created = await app.inject({
        method: 'POST',
        url: '/v1/admin/stores',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { id, name: id, currency: 'EUR', shopify: { domain: `${id}.myshopify.com`, webhookSecret } },
      })
      tokens.set(id, (created.json() as { apiToken: string }).apiToken)
    }
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const product = (storeId: string, productId: string) =>
    app.inject({
      method: 'POST',
      url: `/v1/stores/${storeId}/products`,
      headers: { authorization: `Bearer ${tokens.get(storeId)}` },
      payload: { productId, title: 'Mug', updatedAt: '2026-11-20T10:00:00Z' },
    })

  it('turns a store away with 429 and Retry-After past its burst, and leaves the other stores alone', async () => {
    expect((await product('busy', 'a')).statusCode).toBeLessThan(300)
    expect((await product('busy', 'b')).statusCode).toBeLessThan(300)
    const refused = await product('busy', 'c')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.json()).toMatchObject({ error: 'too_many_requests', message: expect.stringContaining("Store 'busy'") as unknown })
    expect((await product('calm', 'a')).statusCode).toBeLessThan(300)
    expect(await db.selectFrom('products').select('id').where('store_id', '=', 'busy').execute()).toHaveLength(2)
  })

  it('counts the store’s webhooks against the same rate', async () => {
    const body = shopifyFixture('products-update')
    const deliver = () =>
      app.inject({
        method: 'POST',
        url: '/webhooks/shopify',
        headers: shopifyHeaders(body, { topic: 'products/update', shop: 'calm.myshopify.com', secret: webhookSecret }),
        body,
      })
    expect((await deliver()).statusCode).toBe(200)
    expect((await deliver()).statusCode).toBe(429)
  })
})
