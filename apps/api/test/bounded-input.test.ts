import { randomBytes } from 'node:crypto'
import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { journeyDataConverter } from '@crosswise/journeys'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'
import { shopifyFixture, shopifyHeaders } from './shopify-fixtures.ts'

const adminToken = 'admin-token-for-bounds'
const admin = { authorization: `Bearer ${adminToken}` }
const secret = 'shpss_bounds_0123456789abcdef0123456'
const shop = 'bounds.myshopify.com'

const order = {
  orderId: 'B-1',
  customer: { id: 'c-1', email: 'kim@example.com' },
  currency: 'EUR',
  placedAt: '2026-11-20T10:00:00Z',
  lineItems: [{ productId: 'mug', title: 'Mug', quantity: 1, unitPrice: '8.00' }],
}

/** Each hole a probe found, answered with a 400 that names the field, and nothing stored. */
describe('bounded, well-formed input', () => {
  let db: Db
  let app: FastifyInstance
  let token: string
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_bounds'))
    await migrateToLatest(db)
    const [payloadCodec] = (await journeyDataConverter(randomBytes(32).toString('base64'))).payloadCodecs
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 1_048_576, adminToken, payloadCodec: payloadCodec! })
    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/stores',
      headers: admin,
      payload: { id: 'bounds', name: 'Bounds', currency: 'EUR', shopify: { domain: shop, webhookSecret: secret } },
    })
    token = (created.json() as { apiToken: string }).apiToken
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const post = (path: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url: `/v1/stores/bounds/${path}`,
      headers: { authorization: `Bearer ${token}` },
      payload: payload as object,
    })
  const refusal = async (path: string, payload: unknown) => {
    const response = await post(path, payload)
    return [response.statusCode, (response.json() as { message: string }).message]
  }

  it('refuses text PostgreSQL cannot store, email-shaped ids, huge quantities and impossible money', async () => {
    const line = order.lineItems[0]!
    expect(await refusal('orders', { ...order, lineItems: [{ ...line, title: 'Mug\u0000' }] })).toEqual([
      400,
      'body.lineItems[0].title: must not contain NUL characters or unpaired surrogates',
    ])
    expect((await refusal('orders', { ...order, customer: { ...order.customer, firstName: 'K\ud800' } }))[0]).toBe(400)
    expect(await refusal('orders', { ...order, customer: { id: 'kim@example.com', email: 'kim@example.com' } })).toEqual([
      400,
      "body.customer.id: must be the platform's customer id, not an email address (leave it out for a guest)",
    ])
    expect((await refusal('orders', { ...order, lineItems: [{ ...line, quantity: 2 ** 31 }] }))[0]).toBe(400)
    for (const unitPrice of ['999999999999.9999', '-8.00'])
      expect(await refusal('orders', { ...order, lineItems: [{ ...line, unitPrice }] })).toEqual([
        400,
        'body.lineItems[0].unitPrice: must be an amount such as "19.90": not negative, below 10,000,000,000',
      ])
    expect(await refusal('orders', { ...order, currency: 'XYZ' })).toEqual([400, 'body.currency: is not an ISO 4217 currency code'])
    expect(await db.selectFrom('orders').select('id').execute()).toEqual([])
  })

  it('refuses dates that are no dates or lie outside 1970–2100, so one bad date never blocks an order', async () => {
    for (const placedAt of [null, true, 0, '0000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'])
      expect((await refusal('orders', { ...order, placedAt }))[0]).toBe(400)
    const bad = await refusal('fulfillments', { fulfillmentId: 'F-1', orderId: 'B-1', fulfilledAt: '0000-01-01T00:00:00Z' })
    expect(bad).toEqual([400, 'body.fulfilledAt: must be between 1970 and 2100'])
    expect((await refusal('refunds', { refundId: 'R-1', orderId: 'B-1', refundedAt: '12345', amount: '1.00' }))[0]).toBe(400)
    // The order itself still goes in, as often as it is sent.
    expect((await post('orders', order)).statusCode).toBe(202)
    expect((await post('orders', order)).statusCode).toBe(202)
  })

  it('bounds the policy: no timer a journey cannot set, no time zone that does not exist', async () => {
    const put = (payload: unknown) =>
      app.inject({ method: 'PUT', url: '/v1/admin/stores/bounds/policy', headers: admin, payload: payload as object })
    const tooLong = await put({ delayMs: { 'first-time': 2 ** 53 - 1, repeat: 1, vip: 1 } })
    expect([tooLong.statusCode, (tooLong.json() as { message: string }).message]).toEqual([
      400,
      'body.delayMs.first-time: must be at most a year (31,536,000,000 ms)',
    ])
    expect((await put({ sendWindow: { defaultTimeZone: 'Mars/Olympus_Mons' } })).statusCode).toBe(400)
  })

  it('takes a Shopify topic by its own name only, and refuses a delivery dated in the future or with a loose signature', async () => {
    const body = shopifyFixture('orders-create')
    const deliver = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/webhooks/shopify', headers, body })
    const proto = await deliver(shopifyHeaders(body, { topic: '__proto__', shop, secret }))
    expect([proto.statusCode, proto.json()]).toEqual([200, { duplicate: false, outcome: 'ignored-topic' }])
    const future = await deliver(
      shopifyHeaders(body, { topic: 'orders/create', shop, secret, triggeredAt: new Date('9999-01-01T00:00:00Z') }),
    )
    expect([future.statusCode, (future.json() as { message: string }).message]).toEqual([
      400,
      'headers.x-shopify-triggered-at: is missing or invalid',
    ])
    const signed = shopifyHeaders(body, { topic: 'orders/create', shop, secret })
    const loose = await deliver({ ...signed, 'x-shopify-hmac-sha256': `${signed['x-shopify-hmac-sha256']!.slice(0, -1)}=!!` })
    expect(loose.statusCode).toBe(401)
  })

  it('answers payloads that are not base64, or were never sealed, with 400 at the codec endpoint', async () => {
    const codec = (direction: string, data: string) =>
      app.inject({ method: 'POST', url: `/codec/${direction}`, headers: admin, payload: { payloads: [{ metadata: {}, data }] } })
    expect((await codec('decode', 'not base64!')).statusCode).toBe(400)
    const unsealed = await codec('decode', Buffer.from('plain bytes').toString('base64'))
    expect(unsealed.statusCode).toBe(200)
    const forged = await app.inject({
      method: 'POST',
      url: '/codec/decode',
      headers: admin,
      payload: { payloads: [{ metadata: { encoding: Buffer.from('binary/encrypted').toString('base64') }, data: 'AAAA' }] },
    })
    expect([forged.statusCode, (forged.json() as { error: string }).error]).toEqual([400, 'undecodable_payload'])
  })

  it('turns away an address after 30 failed authentications in a minute', async () => {
    const attempt = () =>
      app.inject({
        method: 'GET',
        url: '/v1/admin/stores/bounds/report',
        headers: { authorization: 'Bearer guess' },
        remoteAddress: '198.51.100.7',
      })
    for (let index = 0; index < 30; index++) expect((await attempt()).statusCode).toBe(401)
    const blocked = await attempt()
    expect(blocked.statusCode).toBe(429)
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    // Another address is not punished for it.
    expect((await app.inject({ method: 'GET', url: '/v1/admin/stores/bounds/report', headers: admin })).statusCode).toBe(200)
  })
})
