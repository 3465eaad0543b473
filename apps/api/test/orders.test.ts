import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const order = {
  orderId: '1001',
  customer: { id: '42', email: 'ada@example.com' },
  currency: 'EUR',
  placedAt: '2026-11-20T10:00:00Z',
  lineItems: [{ productId: 'p1', title: 'Kettle', quantity: 1, unitPrice: '39.90' }],
}

const adminToken = 'admin-token-for-tests'

describe('POST /v1/stores/{storeId}/orders', () => {
  let db: Db
  let app: FastifyInstance
  let token: string
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_orders'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 64 * 1024, adminToken })
    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/stores',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { id: 'shop', name: 'Shop', currency: 'EUR' },
    })
    token = (created.json() as { apiToken: string }).apiToken
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const post = (body: string, contentType = 'application/json', store = 'shop', bearer: string | null = token) =>
    app.inject({
      method: 'POST',
      url: `/v1/stores/${store}/orders`,
      headers: { 'content-type': contentType, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body,
    })
  const rows = async () => ({
    orders: (await db.selectFrom('orders').select('id').execute()).length,
    dispatches: (await db.selectFrom('dispatches').select('id').execute()).length,
  })

  it('stores the order, its lines and one pending dispatch', async () => {
    const response = await post(JSON.stringify(order))
    expect(response.statusCode).toBe(202)
    expect(response.json()).toEqual({ orderId: '1001', customerId: '42', journeyId: 'journey:shop:42', duplicate: false })
    const lines = await db.selectFrom('order_lines').selectAll().where('order_id', '=', '1001').execute()
    expect(lines).toMatchObject([{ product_id: 'p1', quantity: 1, unit_price: '39.9000' }])
    expect(await rows()).toEqual({ orders: 1, dispatches: 1 })
  })

  it('acknowledges a repeat without storing anything twice', async () => {
    const response = await post(JSON.stringify(order))
    expect(response.statusCode).toBe(202)
    expect(response.json()).toMatchObject({ duplicate: true })
    expect(await rows()).toEqual({ orders: 1, dispatches: 1 })
  })

  it.each([
    ['a missing field', { ...order, orderId: '2', currency: undefined }, 'body.currency'],
    ['a wrong type', { ...order, orderId: '3', lineItems: [{ ...order.lineItems[0], quantity: 'two' }] }, 'body.lineItems[0].quantity'],
    ['a bad email', { ...order, orderId: '4', customer: { email: 'not-an-email' } }, 'body.customer.email'],
    ['a float price', { ...order, orderId: '5', lineItems: [{ ...order.lineItems[0], unitPrice: '1e3' }] }, 'body.lineItems[0].unitPrice'],
  ])('rejects %s with 400 naming the field and stores nothing', async (_case, body, field) => {
    const before = await rows()
    const response = await post(JSON.stringify(body))
    expect(response.statusCode).toBe(400)
    const problem = response.json() as { error: string; message: string; issues: Array<{ field: string }> }
    expect(problem.error).toBe('invalid_request')
    expect(problem.issues.map((issue) => issue.field)).toContain(field)
    expect(problem.message).toContain(field)
    expect(await rows()).toEqual(before)
  })

  it('rejects malformed JSON with 400', async () => {
    const response = await post('{"orderId": ')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: 'invalid_json' })
  })

  it('rejects a body over the limit with 413', async () => {
    const response = await post(JSON.stringify({ ...order, padding: 'x'.repeat(70 * 1024) }))
    expect(response.statusCode).toBe(413)
    expect(response.json()).toMatchObject({ error: 'payload_too_large' })
  })

  it('rejects a non-JSON content type with 415', async () => {
    const response = await post('orderId=1', 'application/x-www-form-urlencoded')
    expect(response.statusCode).toBe(415)
    expect(response.json()).toMatchObject({ error: 'unsupported_media_type' })
  })

  it('answers 401 without the store’s token, before reading the body', async () => {
    const before = await rows()
    const missing = await post(JSON.stringify({ ...order, orderId: '6' }), 'application/json', 'shop', null)
    const wrong = await post(JSON.stringify({ ...order, orderId: '6' }), 'application/json', 'shop', 'cw_not-a-token')
    const otherStore = await post('{ not even json', 'application/json', 'other-shop')
    expect([missing.statusCode, wrong.statusCode, otherStore.statusCode]).toEqual([401, 401, 401])
    expect(missing.json()).toMatchObject({ error: 'unauthorized' })
    expect(await rows()).toEqual(before)
  })

  it('serves an OpenAPI document describing the route', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json() as { paths: Record<string, unknown> }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/stores/{storeId}/orders',
        '/v1/stores/{storeId}/fulfillments',
        '/v1/stores/{storeId}/cancellations',
        '/v1/stores/{storeId}/refunds',
        '/v1/stores/{storeId}/products',
        '/v1/admin/stores',
        '/webhooks/shopify',
      ]),
    )
  })
})
