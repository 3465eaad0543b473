import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-session-tests'

describe('dashboard sessions', () => {
  let db: Db
  let app: FastifyInstance
  const tokens = new Map<string, string>()
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_dashboard_session'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 64 * 1024, adminToken })
    for (const id of ['north', 'south']) {
      const created = await app.inject({
        method: 'POST',
        url: '/v1/admin/stores',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { id, name: id, currency: 'EUR' },
      })
      tokens.set(id, (created.json() as { apiToken: string }).apiToken)
    }
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const signIn = async (token: string) => {
    const response = await app.inject({ method: 'POST', url: '/v1/session', payload: { token } })
    const cookie = String(response.headers['set-cookie'] ?? '')
    return { response, cookie: cookie.split(';')[0]!, attributes: cookie }
  }
  const asSession = (cookie: string, method: 'GET' | 'PUT' | 'DELETE', url: string, extra: Record<string, string> = {}, payload?: object) =>
    app.inject({ method, url, headers: { cookie, ...extra }, ...(payload ? { payload } : {}) })

  it('exchanges the admin token for an HTTP-only, same-site cookie that reaches every store', async () => {
    const { response, cookie, attributes } = await signIn(adminToken)
    expect(response.json()).toEqual({ kind: 'admin' })
    expect(attributes).toMatch(/HttpOnly/)
    expect(attributes).toMatch(/SameSite=Strict/)
    expect((await asSession(cookie, 'GET', '/v1/session')).json()).toEqual({ kind: 'admin' })
    expect((await asSession(cookie, 'GET', '/v1/admin/stores')).json()).toEqual({ stores: [{ id: 'north' }, { id: 'south' }] })
    expect((await asSession(cookie, 'GET', '/v1/admin/stores/south/report')).statusCode).toBe(200)
  })

  it('changes things only when the dashboard itself asks (a header other sites cannot send)', async () => {
    const { cookie } = await signIn(adminToken)
    const url = '/v1/admin/stores/north/pairings/kettle/filters'
    expect((await asSession(cookie, 'PUT', url, {}, { priority: 1 })).statusCode).toBe(403)
    expect((await asSession(cookie, 'PUT', url, { 'x-crosswise-dashboard': '1' }, { priority: 1 })).statusCode).toBe(200)
  })

  it('lets a store’s token see that store’s pages only, never its secrets or another store', async () => {
    const { response, cookie } = await signIn(tokens.get('north')!)
    expect(response.json()).toEqual({ kind: 'store', storeId: 'north' })
    expect((await asSession(cookie, 'GET', '/v1/admin/stores/north/report')).statusCode).toBe(200)
    expect((await asSession(cookie, 'GET', '/v1/admin/stores/north')).statusCode).toBe(200)
    for (const url of [
      '/v1/admin/stores/south/report',
      '/v1/admin/stores',
      '/v1/admin/stores/north/klaviyo',
      '/v1/admin/stores/north/shopify',
    ])
      expect({ url, status: (await asSession(cookie, 'GET', url)).statusCode }).toEqual({ url, status: 403 })
    expect((await asSession(cookie, 'DELETE', '/v1/admin/stores/north', { 'x-crosswise-dashboard': '1' })).statusCode).toBe(403)
  })

  it('refuses a wrong token and a forged cookie, and signs out', async () => {
    expect((await signIn('wrong')).response.statusCode).toBe(401)
    expect((await asSession('crosswise_session=eyJzY29wZSI6eyJraW5kIjoiYWRtaW4ifX0.forged', 'GET', '/v1/admin/stores')).statusCode).toBe(
      401,
    )
    const out = await app.inject({ method: 'DELETE', url: '/v1/session' })
    expect(out.statusCode).toBe(204)
    expect(String(out.headers['set-cookie'])).toMatch(/crosswise_session=; .*Max-Age=0/)
  })
})
