import { randomBytes } from 'node:crypto'
import { ApiKeyCipher, createDatabase, migrateToLatest, resealStoredSecrets, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'
import { shopifyFixture, shopifyHeaders } from './shopify-fixtures.ts'

const adminToken = 'admin-token-for-sealing'
const secret = 'shpss_sealed_0123456789abcdef01234567'

describe('Shopify webhook secrets sealed at rest', () => {
  let db: Db
  const servers: FastifyInstance[] = []
  const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_webhook_secrets'))
    await migrateToLatest(db)
  })
  afterAll(async () => {
    for (const server of servers) await server.close()
    await db?.destroy()
  })

  const server = async (apiKeyCipher: ApiKeyCipher) => {
    const app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 1_048_576, adminToken, apiKeyCipher })
    servers.push(app)
    return app
  }
  const deliver = (app: FastifyInstance, shop: string) => {
    const body = shopifyFixture('products-update')
    return app.inject({
      method: 'POST',
      url: '/webhooks/shopify',
      headers: shopifyHeaders(body, { topic: 'products/update', shop, secret }),
      body,
    })
  }
  const stored = async (storeId: string) =>
    (await db.selectFrom('stores').select('shopify_webhook_secret').where('id', '=', storeId).executeTakeFirstOrThrow())
      .shopify_webhook_secret!

  it('stores the app secret sealed, still verifies deliveries with it, and takes none under another key', async () => {
    const app = await server(cipher)
    const shop = 'sealed.myshopify.com'
    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/stores',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { id: 'sealed', name: 'Sealed', currency: 'EUR', shopify: { domain: shop, webhookSecret: secret } },
    })
    expect(created.statusCode).toBe(201)
    expect(await stored('sealed')).toMatch(/^aes-256-gcm:/)
    expect(await stored('sealed')).not.toContain(secret)
    expect((await deliver(app, shop)).statusCode).toBe(200)
    const otherKey = await server(ApiKeyCipher.fromSecret(randomBytes(32).toString('base64')))
    expect((await deliver(otherKey, shop)).statusCode).toBe(401)
  })

  it('seals a secret stored before sealing existed, and the shop keeps working', async () => {
    const shop = 'legacy.myshopify.com'
    await db
      .insertInto('stores')
      .values({ id: 'legacy', name: 'Legacy', currency: 'EUR', shopify_domain: shop, shopify_webhook_secret: secret })
      .execute()
    expect((await deliver(await server(cipher), shop)).statusCode).toBe(200)
    expect((await resealStoredSecrets(db, cipher)).webhookSecrets).toBe(1)
    expect(await stored('legacy')).toMatch(/^aes-256-gcm:/)
    expect((await resealStoredSecrets(db, cipher)).webhookSecrets).toBe(0)
    expect((await deliver(await server(cipher), shop)).statusCode).toBe(200)
  })
})
