import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'
import { rowsMentioning } from './trace-scan.ts'

const adminToken = 'admin-token-for-erasure-tests'

describe('admin GDPR routes of stores without Shopify', () => {
  let db: Db
  let app: FastifyInstance
  let storeToken: string
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_admin_erasure'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 64 * 1024, adminToken })
    const created = await admin('POST', '/v1/admin/stores', { id: 'kiln', name: 'Kiln', currency: 'EUR' })
    storeToken = (created.json() as { apiToken: string }).apiToken
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const admin = (method: 'POST' | 'GET' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, ...(payload === undefined ? {} : { payload }) })
  const order = (orderId: string, placedAt: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/stores/kiln/orders',
      headers: { authorization: `Bearer ${storeToken}` },
      payload: {
        orderId,
        customer: { id: 'c-77', email: 'tove.jansson@example.com', firstName: 'Tove', lastName: 'Jansson' },
        currency: 'EUR',
        placedAt,
        lineItems: [{ productId: 'mug', title: 'Mug', quantity: 1, unitPrice: '18.00' }],
      },
    })

  it('erases one customer on request, and refuses their old orders afterwards with a reason', async () => {
    expect((await order('o-1', '2026-11-02T10:00:00Z')).statusCode).toBe(202)
    const redacted = await admin('POST', '/v1/admin/stores/kiln/customers/redact', { email: 'Tove.Jansson@Example.com' })
    expect(redacted.statusCode).toBe(200)
    expect((redacted.json() as { customerId: string }).customerId).toMatch(/^redacted:[0-9a-f]{32}$/)
    expect(await rowsMentioning(db, 'jansson')).toEqual({})
    expect(await rowsMentioning(db, 'c-77')).toEqual({ journey_erasures: 1 })

    const again = await order('o-1', '2026-11-02T10:00:00Z')
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: 'customer_erased' })
    expect((await admin('POST', '/v1/admin/stores/kiln/customers/redact', { customerId: 'c-77' })).statusCode).toBe(404)
    expect((await admin('POST', '/v1/admin/stores/kiln/customers/redact', {})).statusCode).toBe(400)
    expect((await admin('POST', '/v1/admin/stores/nowhere/customers/redact', { customerId: 'c-77' })).statusCode).toBe(404)
  })

  it('erases a whole store with everything it holds', async () => {
    expect((await order('o-2', new Date().toISOString())).statusCode).toBe(202)
    expect((await admin('DELETE', '/v1/admin/stores/kiln')).statusCode).toBe(204)
    expect((await admin('GET', '/v1/admin/stores/kiln')).statusCode).toBe(404)
    expect(await rowsMentioning(db, 'kiln')).toEqual({ journey_erasures: 2 })
    expect((await admin('DELETE', '/v1/admin/stores/kiln')).statusCode).toBe(404)
  })
})
