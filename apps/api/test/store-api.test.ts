import { createDatabase, findProducts, getStore, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-tests'
const admin = { authorization: `Bearer ${adminToken}` }

describe('admin and store JSON API', () => {
  let db: Db
  let app: FastifyInstance
  let token: string
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_store'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 64 * 1024, adminToken })
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const call = (method: 'POST' | 'PUT' | 'PATCH' | 'GET', url: string, payload?: unknown, headers: Record<string, string> = admin) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) })
  const store = (path: string, payload: unknown, bearer = token) =>
    call('POST', `/v1/stores/acme/${path}`, payload, { authorization: `Bearer ${bearer}` })
  const dispatchKinds = async () => (await db.selectFrom('dispatches').select('kind').orderBy('id').execute()).map((row) => row.kind)

  describe('admin', () => {
    it('creates a store and returns its token once; only the hash is stored', async () => {
      const response = await call('POST', '/v1/admin/stores', {
        id: 'acme',
        name: 'Acme',
        currency: 'eur',
        timeZone: 'Europe/Berlin',
        shopify: { domain: 'Acme.myshopify.com', webhookSecret: 'shpss_0123456789abcdef' },
        policy: { segments: { vipMinSpend: 300, vipMinOrders: 4 } },
      })
      expect(response.statusCode).toBe(201)
      const body = response.json() as { apiToken: string; policy: { segments: unknown; maxEmailsPerJourney: number } }
      expect(body).toMatchObject({ id: 'acme', currency: 'EUR', timeZone: 'Europe/Berlin', shopifyDomain: 'acme.myshopify.com' })
      expect(body.policy).toMatchObject({ segments: { vipMinSpend: 300, vipMinOrders: 4 }, maxEmailsPerJourney: 2 })
      expect(body.apiToken).toMatch(/^cw_[\w-]{43}$/)
      expect(JSON.stringify(body)).not.toContain('shpss_')
      token = body.apiToken
      const row = await db.selectFrom('stores').select('api_token_hash').where('id', '=', 'acme').executeTakeFirstOrThrow()
      expect(row.api_token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(row.api_token_hash).not.toContain(token)
    })

    it('refuses a taken id or shop domain with 409, bad settings with 400, and strangers with 401', async () => {
      const taken = await call('POST', '/v1/admin/stores', { id: 'acme', name: 'Again' })
      const domain = await call('POST', '/v1/admin/stores', {
        id: 'acme-2',
        name: 'Copy',
        shopify: { domain: 'acme.myshopify.com', webhookSecret: 'shpss_0123456789abcdef' },
      })
      const bad = await call('POST', '/v1/admin/stores', { id: 'Acme Store', name: 'x', timeZone: 'Mars/Olympus' })
      const stranger = await call('POST', '/v1/admin/stores', { id: 'evil', name: 'Evil' }, { authorization: 'Bearer guess' })
      expect([taken.statusCode, domain.statusCode, bad.statusCode, stranger.statusCode]).toEqual([409, 409, 400, 401])
      expect((bad.json() as { issues: Array<{ field: string }> }).issues.map((issue) => issue.field).sort()).toEqual([
        'body.id',
        'body.timeZone',
      ])
      expect(await getStore(db, 'evil')).toBeUndefined()
    })

    it('changes settings without resetting the rest, sets the policy, and replaces the token', async () => {
      const changed = await call('PATCH', '/v1/admin/stores/acme', { name: 'Acme EU' })
      expect(changed.json()).toMatchObject({
        name: 'Acme EU',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        shopifyDomain: 'acme.myshopify.com',
      })
      const policy = await call('PUT', '/v1/admin/stores/acme/policy', { holdoutShare: 0.2 })
      expect(policy.json()).toMatchObject({ policy: { holdoutShare: 0.2, segments: { vipMinSpend: 500, vipMinOrders: 5 } } })
      expect((await getStore(db, 'acme'))?.policy.holdoutShare).toBe(0.2)
      const badPolicy = await call('PUT', '/v1/admin/stores/acme/policy', { sendWindow: { startHour: 20, endHour: 9 } })
      expect(badPolicy.statusCode).toBe(400)
      expect((await call('PATCH', '/v1/admin/stores/nope', { name: 'x' })).statusCode).toBe(404)

      const replaced = await call('POST', '/v1/admin/stores/acme/token')
      const fresh = (replaced.json() as { apiToken: string }).apiToken
      expect((await store('products', { productId: '1', title: 'Mug', updatedAt: '2026-11-01T00:00:00Z' })).statusCode).toBe(401)
      token = fresh
      expect((await store('products', { productId: '1', title: 'Mug', updatedAt: '2026-11-01T00:00:00Z' })).statusCode).toBe(200)
    })
  })

  describe('product URL template', () => {
    const problem = (response: { json(): unknown }) =>
      response.json() as { message: string; issues: Array<{ field: string; message: string }> }

    it('is set on create and update, and derives the page of products without their own URL', async () => {
      const created = await call('POST', '/v1/admin/stores', {
        id: 'pages',
        name: 'Pages',
        productUrlTemplate: 'https://pages.example/products/{handle}',
      })
      expect(created.statusCode).toBe(201)
      expect(created.json()).toMatchObject({ productUrlTemplate: 'https://pages.example/products/{handle}' })
      const { apiToken } = created.json() as { apiToken: string }
      const saved = await call(
        'POST',
        '/v1/stores/pages/products',
        { productId: '42', title: 'Kettle', handle: 'kettle', updatedAt: '2026-11-20T00:00:00Z' },
        { authorization: `Bearer ${apiToken}` },
      )
      expect(saved.statusCode).toBe(200)
      expect((await findProducts(db, 'pages', ['42']))[0]?.url).toBe('https://pages.example/products/kettle')

      const changed = await call('PATCH', '/v1/admin/stores/pages', { productUrlTemplate: 'https://pages.example/p?id={id}' })
      expect(changed.json()).toMatchObject({ name: 'Pages', productUrlTemplate: 'https://pages.example/p?id={id}' })
      expect((await findProducts(db, 'pages', ['42']))[0]?.url).toBe('https://pages.example/p?id=42')
      expect((await call('PATCH', '/v1/admin/stores/pages', { name: 'Pages EU' })).json()).toMatchObject({
        productUrlTemplate: 'https://pages.example/p?id={id}',
      })

      const removed = await call('PATCH', '/v1/admin/stores/pages', { productUrlTemplate: null })
      expect(removed.json()).toMatchObject({ productUrlTemplate: null })
      expect((await findProducts(db, 'pages', ['42']))[0]?.url).toBeNull()
    })

    it('refuses a template that is not an http(s) URL with {handle} or {id}, naming the field', async () => {
      const noPlaceholder = await call('POST', '/v1/admin/stores', {
        id: 'pages-2',
        name: 'Pages',
        productUrlTemplate: 'https://pages.example/products',
      })
      expect(noPlaceholder.statusCode).toBe(400)
      expect(problem(noPlaceholder).issues).toEqual([{ field: 'body.productUrlTemplate', message: 'must contain {handle} or {id}' }])
      expect(await getStore(db, 'pages-2')).toBeUndefined()

      const notHttp = await call('PATCH', '/v1/admin/stores/pages', { productUrlTemplate: 'ftp://pages.example/{handle}' })
      expect(notHttp.statusCode).toBe(400)
      expect(problem(notHttp).message).toBe('body.productUrlTemplate: must be an http(s) URL')
      expect((await getStore(db, 'pages'))?.productUrlTemplate).toBeUndefined()
    })
  })

  describe('store events', () => {
    const order = {
      orderId: 'A-1',
      customer: { id: 'c-1', email: 'kim@example.com', firstName: 'Kim' },
      currency: 'EUR',
      placedAt: '2026-11-20T10:00:00Z',
      lineItems: [
        { productId: 'mug', title: 'Mug', quantity: 2, unitPrice: '8.00' },
        { productId: 'tea', title: 'Tea', quantity: 1, unitPrice: '4.00' },
      ],
    }

    it('takes a fulfilment before its order and announces it right after the order', async () => {
      const early = await store('fulfillments', {
        fulfillmentId: 'F-1',
        orderId: 'A-1',
        fulfilledAt: '2026-11-21T10:00:00Z',
        lineItems: [{ productId: 'mug', quantity: 2 }],
      })
      expect([early.statusCode, early.json()]).toEqual([202, { fulfillmentId: 'F-1', duplicate: false, waitingForOrder: true }])
      expect((await store('orders', order)).statusCode).toBe(202)
      const rest = await store('fulfillments', {
        fulfillmentId: 'F-2',
        orderId: 'A-1',
        fulfilledAt: '2026-11-22T10:00:00Z',
        lineItems: [{ productId: 'tea', quantity: 1 }],
      })
      expect(rest.json()).toEqual({ fulfillmentId: 'F-2', duplicate: false, waitingForOrder: false })
      const again = await store('fulfillments', { fulfillmentId: 'F-2', orderId: 'A-1', fulfilledAt: '2026-11-22T10:00:00Z' })
      expect(again.json()).toMatchObject({ duplicate: true })
      const fulfilled = await db.selectFrom('dispatches').select('payload').where('kind', '=', 'orderFulfilled').orderBy('id').execute()
      expect(fulfilled.map((row) => row.payload.complete)).toEqual([false, true])
      expect(await dispatchKinds()).toEqual(['orderPlaced', 'orderFulfilled', 'orderFulfilled'])
    })

    it('records refunds and a cancellation once each; refuses a cancellation of an unknown order', async () => {
      const refund = await store('refunds', { refundId: 'R-1', orderId: 'A-1', refundedAt: '2026-11-23T10:00:00Z', amount: '20.00' })
      expect(refund.json()).toEqual({ refundId: 'R-1', duplicate: false, waitingForOrder: false })
      const cancel = await store('cancellations', { orderId: 'A-1', cancelledAt: '2026-11-24T10:00:00Z', reason: 'customer' })
      const cancelAgain = await store('cancellations', { orderId: 'A-1', cancelledAt: '2026-11-25T10:00:00Z' })
      const unknown = await store('cancellations', { orderId: 'nope', cancelledAt: '2026-11-24T10:00:00Z' })
      expect([cancel.json(), cancelAgain.json()]).toEqual([
        { orderId: 'A-1', duplicate: false },
        { orderId: 'A-1', duplicate: true },
      ])
      expect([unknown.statusCode, unknown.json().error]).toEqual([404, 'order_not_found'])
      const refunded = await db.selectFrom('dispatches').select('payload').where('kind', '=', 'orderRefunded').executeTakeFirstOrThrow()
      expect(refunded.payload).toEqual({ orderId: 'A-1', refundedAt: '2026-11-23T10:00:00.000Z', full: true })
      expect((await dispatchKinds()).slice(-2)).toEqual(['orderRefunded', 'orderCancelled'])
    })

    it('upserts products, newest first', async () => {
      const saved = await store('products', {
        productId: 'mug',
        title: 'Mug',
        category: 'Kitchen',
        price: '8.00',
        currency: 'EUR',
        available: false,
        url: 'https://acme.example/mug',
        updatedAt: '2026-11-20T00:00:00Z',
      })
      expect(saved.json()).toEqual({ productId: 'mug', written: true })
      const stale = await store('products', { productId: 'mug', title: 'Old mug', updatedAt: '2026-11-19T00:00:00Z' })
      expect(stale.json()).toEqual({ productId: 'mug', written: false })
      const row = await db.selectFrom('products').selectAll().where('id', '=', 'mug').executeTakeFirstOrThrow()
      expect(row).toMatchObject({ title: 'Mug', category: 'Kitchen', price: '8.0000', available: false })
    })

    it.each([
      ['fulfillments', { orderId: 'A-1', fulfilledAt: '2026-11-21T10:00:00Z' }, 'body.fulfillmentId'],
      [
        'fulfillments',
        { fulfillmentId: 'F-9', orderId: 'A-1', fulfilledAt: '2026-11-21T10:00:00Z', lineItems: [{ productId: 'mug', quantity: -1 }] },
        'body.lineItems[0].quantity',
      ],
      ['refunds', { refundId: 'R-9', orderId: 'A-1', refundedAt: '2026-11-23T10:00:00Z', amount: 0.1 + 0.2 }, 'body.amount'],
      ['refunds', { refundId: 'R-9', orderId: 'A-1', refundedAt: 'soon', amount: '1.00' }, 'body.refundedAt'],
      ['cancellations', { orderId: true, cancelledAt: '2026-11-24T10:00:00Z' }, 'body.orderId'],
      ['products', { productId: 'x', title: 'X', imageUrl: 'ftp://example.com/x.png', updatedAt: '2026-11-20T00:00:00Z' }, 'body.imageUrl'],
      ['products', { productId: 'x', title: 'X', available: 'yes', updatedAt: '2026-11-20T00:00:00Z' }, 'body.available'],
    ])('rejects a bad %s body (case %#) with 400 naming the field', async (path, body, field) => {
      const before = await dispatchKinds()
      const response = await store(path, body)
      expect(response.statusCode).toBe(400)
      expect((response.json() as { issues: Array<{ field: string }> }).issues.map((issue) => issue.field)).toContain(field)
      expect(await dispatchKinds()).toEqual(before)
    })
  })
})
