import { randomBytes } from 'node:crypto'
import { ApiKeyCipher, createDatabase, loadKlaviyoAccount, migrateToLatest, removeKlaviyoAccount, type Db } from '@crosswise/db'
import { checkKlaviyoKey } from '@crosswise/klaviyo'
import { createTestDatabase, startFakeKlaviyo, type FakeKlaviyo } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-klaviyo-tests'
const apiKey = 'pk_a1b2c3d4e5f60718293a4b5c6d7e8f9012'

describe("admin API: a store's own Klaviyo account", () => {
  let db: Db
  let app: FastifyInstance
  const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_klaviyo'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 64 * 1024, adminToken, apiKeyCipher: cipher })
    const created = await call('POST', '/v1/admin/stores', { id: 'tea-house', name: 'Tea House' })
    expect(created.statusCode).toBe(201)
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const call = (method: 'POST' | 'PUT' | 'GET' | 'DELETE', url: string, payload?: unknown, token = adminToken) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  it('stores the key encrypted and answers with its last four characters only', async () => {
    const saved = await call('PUT', '/v1/admin/stores/tea-house/klaviyo', { apiKey, metricName: 'Tea Pairing' })
    expect(saved.statusCode).toBe(200)
    expect(saved.body).not.toContain(apiKey)
    expect(saved.json()).toMatchObject({ configured: true, apiKeyLast4: '9012', metricName: 'Tea Pairing' })

    const read = await call('GET', '/v1/admin/stores/tea-house/klaviyo')
    expect(read.body).not.toContain(apiKey)
    expect(read.json()).toMatchObject({ configured: true, apiKeyLast4: '9012' })

    const row = await db.selectFrom('klaviyo_accounts').selectAll().where('store_id', '=', 'tea-house').executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(apiKey.slice(3))
    expect(await loadKlaviyoAccount(db, cipher, 'tea-house')).toEqual({ apiKey, metricName: 'Tea Pairing' })
  })

  it('replaces the key, and removing it leaves the store unconfigured', async () => {
    const replaced = await call('PUT', '/v1/admin/stores/tea-house/klaviyo', { apiKey: 'pk_ffffffffffffffffffffffffffffff4321' })
    expect(replaced.json()).toEqual({ configured: true, apiKeyLast4: '4321', updatedAt: expect.any(String) })
    expect((await call('DELETE', '/v1/admin/stores/tea-house/klaviyo')).json()).toEqual({ configured: false })
    expect((await call('GET', '/v1/admin/stores/tea-house/klaviyo')).json()).toEqual({ configured: false })
    expect(await loadKlaviyoAccount(db, cipher, 'tea-house')).toBeUndefined()
  })

  it('refuses a malformed key without echoing it, strangers, and unknown stores', async () => {
    const bad = await call('PUT', '/v1/admin/stores/tea-house/klaviyo', { apiKey: 'sk_not-a-private-key-secret' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).not.toContain('not-a-private-key-secret')
    expect((await call('PUT', '/v1/admin/stores/tea-house/klaviyo', { apiKey }, 'guess')).statusCode).toBe(401)
    expect((await call('GET', '/v1/admin/stores/tea-house/klaviyo', undefined, 'guess')).statusCode).toBe(401)
    expect((await call('PUT', '/v1/admin/stores/nobody/klaviyo', { apiKey })).statusCode).toBe(404)
    expect((await call('GET', '/v1/admin/stores/nobody/klaviyo')).statusCode).toBe(404)
    expect((await call('DELETE', '/v1/admin/stores/nobody/klaviyo')).statusCode).toBe(404)
  })
})

describe("admin API: a store's Klaviyo key is checked with Klaviyo before it is saved", () => {
  let db: Db
  let app: FastifyInstance
  let klaviyo: FakeKlaviyo
  const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))
  const refusedKey = 'pk_0000000000000000000000000000000000'
  beforeAll(async () => {
    klaviyo = await startFakeKlaviyo({ apiKeys: [apiKey] })
    db = createDatabase(await createTestDatabase('api_klaviyo_checked'))
    await migrateToLatest(db)
    app = await buildServer({
      db,
      logger: pino({ level: 'silent' }),
      bodyLimit: 64 * 1024,
      adminToken,
      apiKeyCipher: cipher,
      checkKlaviyoKey: (key) => checkKlaviyoKey(key, { basePath: klaviyo.url, timeoutMs: 1_000 }),
    })
    expect((await put('/v1/admin/stores', { id: 'tea-house', name: 'Tea House' }, 'POST')).statusCode).toBe(201)
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
    await klaviyo?.close()
  })

  const put = (url: string, payload: object, method: 'PUT' | 'POST' = 'PUT') =>
    app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, payload })

  it('saves a key Klaviyo accepts', async () => {
    const saved = await put('/v1/admin/stores/tea-house/klaviyo', { apiKey })
    expect(saved.statusCode).toBe(200)
    expect(await loadKlaviyoAccount(db, cipher, 'tea-house')).toEqual({ apiKey })
    expect(klaviyo.requests.map((request) => `${request.operationId} ${request.status}`)).toEqual(['get_metrics 200'])
  })

  it('refuses a key Klaviyo refuses, with its reason, and keeps the saved one', async () => {
    const refused = await put('/v1/admin/stores/tea-house/klaviyo', { apiKey: refusedKey })
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toMatchObject({ error: 'klaviyo_key_refused', message: expect.stringContaining('401') })
    expect(refused.body).not.toContain(refusedKey)
    expect(await loadKlaviyoAccount(db, cipher, 'tea-house')).toEqual({ apiKey })
  })

  it('answers 502 and saves nothing when Klaviyo cannot be asked', async () => {
    await removeKlaviyoAccount(db, 'tea-house')
    klaviyo.injectFault({ operationId: 'get_metrics', fault: { kind: 'server-error', status: 503 } })
    const unreachable = await put('/v1/admin/stores/tea-house/klaviyo', { apiKey })
    expect(unreachable.statusCode).toBe(502)
    expect(unreachable.json()).toMatchObject({ error: 'klaviyo_unreachable' })
    expect(await loadKlaviyoAccount(db, cipher, 'tea-house')).toBeUndefined()
    expect(klaviyo.specViolations).toEqual([])
  })
})
