import type { MinedPairing } from '@crosswise/domain'
import { createDatabase, listManualPairings, migrateToLatest, replaceManualPairings, saveMinedPairings, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import { createActivities } from '@crosswise/engine'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-pairing-tests'
const base = '/v1/admin/stores/tea-house'

const mined = (rank: number, recommendedProductId: string, support: number, lift: number): MinedPairing => ({
  triggerProductId: 'kettle',
  rank,
  recommendedProductId,
  score: 1 / rank,
  support,
  confidence: support / 40,
  lift,
  triggerOrders: 40,
  recommendedOrders: 30,
  nextOrderCount: 1,
  reason: `Bought with Kettle in ${support} orders`,
})

describe("admin API: a store's manual pairings, rules and mined pairings", () => {
  let db: Db
  let app: FastifyInstance
  let storeToken: string
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_pairing_admin'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 1024 * 1024, adminToken })
    const created = await call('POST', '/v1/admin/stores', { id: 'tea-house', name: 'Tea House' })
    expect(created.statusCode).toBe(201)
    storeToken = (created.json() as { apiToken: string }).apiToken
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
  const fields = (response: { json: () => unknown }) =>
    (response.json() as { issues: Array<{ field: string }> }).issues.map((issue) => issue.field)

  it('sets, lists, re-prioritises and removes single pairings', async () => {
    expect((await call('GET', `${base}/pairings`)).json()).toEqual({ pairings: [] })
    const put = await call('PUT', `${base}/pairings/kettle/tea`, { priority: 5 })
    expect([put.statusCode, put.json()]).toEqual([200, { triggerProductId: 'kettle', recommendedProductId: 'tea', priority: 5 }])
    expect((await call('PUT', `${base}/pairings/kettle/mug`, {})).json()).toMatchObject({ priority: 0 })
    await call('PUT', `${base}/pairings/kettle/mug`, { priority: 9 })
    expect((await call('GET', `${base}/pairings`)).json()).toEqual({
      pairings: [
        { triggerProductId: 'kettle', recommendedProductId: 'mug', priority: 9 },
        { triggerProductId: 'kettle', recommendedProductId: 'tea', priority: 5 },
      ],
    })
    const removed = await call('DELETE', `${base}/pairings/kettle/mug`)
    expect([removed.statusCode, removed.body]).toEqual([204, ''])
    const again = await call('DELETE', `${base}/pairings/kettle/mug`)
    expect([again.statusCode, again.json().error]).toEqual([404, 'pairing_not_found'])
    expect((await listManualPairings(db, 'tea-house')).map((pairing) => pairing.recommendedProductId)).toEqual(['tea'])
  })

  it('replaces the whole list at once, and an empty list removes them all', async () => {
    const list = [
      { triggerProductId: 'teapot', recommendedProductId: 'cups', priority: 1 },
      { triggerProductId: 12345, recommendedProductId: 'strainer' },
    ]
    const replaced = await call('PUT', `${base}/pairings`, { pairings: list })
    expect([replaced.statusCode, replaced.json()]).toEqual([
      200,
      {
        pairings: [
          { triggerProductId: '12345', recommendedProductId: 'strainer', priority: 0 },
          { triggerProductId: 'teapot', recommendedProductId: 'cups', priority: 1 },
        ],
      },
    ])
    expect((await call('PUT', `${base}/pairings`, { pairings: [] })).json()).toEqual({ pairings: [] })
  })

  it('replaces atomically: readers see the old list or the new one, and a failed replace keeps the old', async () => {
    const listOf = (prefix: string) =>
      Array.from({ length: 300 }, (_, index) => ({ triggerProductId: `${prefix}-${index}`, recommendedProductId: 'tea', priority: index }))
    await call('PUT', `${base}/pairings`, { pairings: listOf('a') })
    const writes = ['b', 'a', 'b', 'a'].map((prefix) => call('PUT', `${base}/pairings`, { pairings: listOf(prefix) }))
    const reads = Array.from({ length: 12 }, () => listManualPairings(db, 'tea-house'))
    for (const seen of await Promise.all(reads)) {
      expect(seen).toHaveLength(300)
      expect(new Set(seen.map((pairing) => pairing.triggerProductId[0])).size).toBe(1)
    }
    expect((await Promise.all(writes)).map((response) => response.statusCode)).toEqual([200, 200, 200, 200])

    const twice = { triggerProductId: 'x', recommendedProductId: 'y', priority: 0 }
    await expect(replaceManualPairings(db, 'tea-house', [twice, twice])).rejects.toThrow()
    expect(await listManualPairings(db, 'tea-house')).toHaveLength(300)
  })

  it('answers bad pairings with 400 naming the field, and changes nothing', async () => {
    const before = await listManualPairings(db, 'tea-house')
    const self = await call('PUT', `${base}/pairings`, {
      pairings: [
        { triggerProductId: 'kettle', recommendedProductId: 'tea' },
        { triggerProductId: 'tea', recommendedProductId: 'tea' },
      ],
    })
    expect([self.statusCode, fields(self)]).toEqual([400, ['body.pairings[1].recommendedProductId']])
    const repeated = await call('PUT', `${base}/pairings`, {
      pairings: [
        { triggerProductId: 'a', recommendedProductId: 'b' },
        { triggerProductId: 'a', recommendedProductId: 'b', priority: 2 },
      ],
    })
    expect([repeated.statusCode, fields(repeated)]).toEqual([400, ['body.pairings[1].recommendedProductId']])
    const malformed = await call('PUT', `${base}/pairings`, {
      pairings: [{ triggerProductId: '', recommendedProductId: 'b', priority: 1.5 }],
    })
    expect(fields(malformed).sort()).toEqual(['body.pairings[0].priority', 'body.pairings[0].triggerProductId'])
    const single = await call('PUT', `${base}/pairings/tea/tea`, { priority: 1 })
    expect([single.statusCode, fields(single)]).toEqual([400, ['params.recommendedProductId']])
    expect(fields(await call('PUT', `${base}/pairings/kettle/tea`, { priority: 'high' }))).toEqual(['body.priority'])
    expect(await listManualPairings(db, 'tea-house')).toEqual(before)
  })

  it('refuses strangers (the store’s own token too) and unknown stores', async () => {
    const requests: Array<['PUT' | 'GET' | 'DELETE', string, unknown?]> = [
      ['GET', '/pairings'],
      ['PUT', '/pairings', { pairings: [] }],
      ['PUT', '/pairings/kettle/tea', { priority: 1 }],
      ['DELETE', '/pairings/kettle/tea'],
      ['GET', '/recommendation-rules'],
      ['PUT', '/recommendation-rules', {}],
      ['GET', '/mined-pairings'],
    ]
    for (const [method, path, payload] of requests) {
      expect((await call(method, `${base}${path}`, payload, 'guess')).statusCode).toBe(401)
      expect((await call(method, `${base}${path}`, payload, storeToken)).statusCode).toBe(401)
      const unknown = await call(method, `/v1/admin/stores/nobody${path}`, payload)
      expect([unknown.statusCode, unknown.json().error]).toEqual([404, 'store_not_found'])
    }
  })

  it('sets and reads the rules for mined pairings, with defaults and 400s', async () => {
    expect((await call('GET', `${base}/recommendation-rules`)).json()).toEqual({
      incompatibleCategories: [],
      minSupport: 0,
      minLift: 0,
      priceBands: {},
    })
    const set = await call('PUT', `${base}/recommendation-rules`, {
      incompatibleCategories: [['Tea', ' Pets ']],
      minSupport: 3,
      minLift: 1.5,
    })
    expect([set.statusCode, set.json()]).toEqual([
      200,
      { incompatibleCategories: [['Tea', 'Pets']], minSupport: 3, minLift: 1.5, priceBands: {} },
    ])
    expect((await call('GET', `${base}/recommendation-rules`)).json()).toMatchObject({ minSupport: 3 })
    const bad = await call('PUT', `${base}/recommendation-rules`, { incompatibleCategories: [['Tea']], minSupport: -1, minLift: 'high' })
    expect([bad.statusCode, fields(bad).sort()]).toEqual([400, ['body.incompatibleCategories[0]', 'body.minLift', 'body.minSupport']])
    expect((await call('PUT', `${base}/recommendation-rules`, { minLift: 1 })).json()).toEqual({
      incompatibleCategories: [],
      minSupport: 0,
      minLift: 1,
      priceBands: {},
    })
  })

  it('sets and reads a price band per segment, answering bad bands with 400 naming the field', async () => {
    const priceBands = { 'first-time': { max: 30 }, repeat: { min: '5', max: '80.50' }, vip: { min: ' 50.00 ' } }
    const set = await call('PUT', `${base}/recommendation-rules`, { priceBands })
    const stored = { 'first-time': { max: '30' }, repeat: { min: '5', max: '80.50' }, vip: { min: '50.00' } }
    expect([set.statusCode, set.json()]).toEqual([200, { incompatibleCategories: [], minSupport: 0, minLift: 0, priceBands: stored }])
    expect((await call('GET', `${base}/recommendation-rules`)).json()).toMatchObject({ priceBands: stored })

    const inverted = await call('PUT', `${base}/recommendation-rules`, { priceBands: { vip: { min: '50', max: '49.99' } } })
    expect([inverted.statusCode, fields(inverted)]).toEqual([400, ['body.priceBands.vip.max']])
    const negative = await call('PUT', `${base}/recommendation-rules`, {
      priceBands: { 'first-time': { min: -1 }, repeat: { max: 'cheap' } },
    })
    expect([negative.statusCode, fields(negative).sort()]).toEqual([400, ['body.priceBands.first-time.min', 'body.priceBands.repeat.max']])
    const unknown = await call('PUT', `${base}/recommendation-rules`, { priceBands: { gold: { max: 10 } } })
    expect([unknown.statusCode, fields(unknown)]).toEqual([400, ['body.priceBands']])
    expect((await call('GET', `${base}/recommendation-rules`)).json()).toMatchObject({ priceBands: stored })
  })

  it('pages through the current mined pairings with their model version', async () => {
    expect((await call('GET', `${base}/mined-pairings`)).json()).toEqual({ model: null, pairings: [], nextOffset: null })
    await saveMinedPairings(db, {
      storeId: 'tea-house',
      orderCount: 40,
      productCount: 5,
      params: { top: 20 },
      pairings: [mined(1, 'tea', 12, 2), mined(2, 'honey', 2, 3), mined(3, 'lead', 9, 1.2)],
    })
    const first = await call('GET', `${base}/mined-pairings?limit=2`)
    const page = first.json() as {
      model: { pairingCount: number; params: unknown; createdAt: string }
      pairings: Array<Record<string, unknown>>
      nextOffset: number
    }
    expect(page.model).toMatchObject({ orderCount: 40, pairingCount: 3, params: { top: 20 } })
    expect(Date.parse(page.model.createdAt)).not.toBeNaN()
    expect(page.pairings.map((pairing) => pairing.recommendedProductId)).toEqual(['tea', 'lead'])
    expect(page.pairings[0]).toEqual({
      triggerProductId: 'kettle',
      rank: 1,
      recommendedProductId: 'tea',
      support: 12,
      confidence: 0.3,
      lift: 2,
      triggerOrders: 40,
      recommendedOrders: 30,
      nextOrderCount: 1,
      reason: 'Bought with Kettle in 12 orders',
    })
    expect(page.nextOffset).toBe(2)
    const rest = (await call('GET', `${base}/mined-pairings?limit=2&offset=2`)).json() as {
      pairings: Array<{ recommendedProductId: string }>
      nextOffset: null
    }
    expect([rest.pairings.map((pairing) => pairing.recommendedProductId), rest.nextOffset]).toEqual([['honey'], null])
    expect((await call('GET', `${base}/mined-pairings?triggerProductId=teapot`)).json()).toMatchObject({ pairings: [] })
    const bad = await call('GET', `${base}/mined-pairings?limit=0&offset=-1`)
    expect([bad.statusCode, fields(bad).sort()]).toEqual([400, ['querystring.limit', 'querystring.offset']])
  })

  it('describes the endpoints in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>
    }
    expect(Object.keys(document.paths['/v1/admin/stores/{storeId}/pairings'] ?? {}).sort()).toEqual(['get', 'put'])
    expect(
      Object.keys(document.paths['/v1/admin/stores/{storeId}/pairings/{triggerProductId}/{recommendedProductId}'] ?? {}).sort(),
    ).toEqual(['delete', 'put'])
    expect(Object.keys(document.paths['/v1/admin/stores/{storeId}/recommendation-rules'] ?? {}).sort()).toEqual(['get', 'put'])
    expect(Object.keys(document.paths['/v1/admin/stores/{storeId}/mined-pairings'] ?? {})).toEqual(['get'])
    const rules = document.paths['/v1/admin/stores/{storeId}/recommendation-rules']?.put as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, { properties?: object }> } }> }
    }
    expect(Object.keys(rules.requestBody.content['application/json']!.schema.properties.priceBands!.properties ?? {}).sort()).toEqual([
      'first-time',
      'repeat',
      'vip',
    ])
  })

  it('what is set here decides what a journey picks', async () => {
    const asStore = (path: string, payload: unknown) => call('POST', `/v1/stores/tea-house/${path}`, payload, storeToken)
    for (const [productId, category] of [
      ['kettle', 'Kitchen'],
      ['tea', 'Tea'],
      ['honey', 'Pantry'],
      ['lead', 'Pets'],
      ['spoon', 'Kitchen'],
    ] as const) {
      const saved = await asStore('products', {
        productId,
        title: productId,
        category,
        url: `https://tea.example/${productId}`,
        updatedAt: '2026-11-20T10:00:00Z',
      })
      expect(saved.statusCode).toBe(200)
    }
    const order = {
      orderId: 'K-1',
      customer: { email: 'kim@example.com' },
      currency: 'EUR',
      placedAt: '2026-11-20T10:00:00Z',
      lineItems: [{ productId: 'kettle', title: 'Kettle', quantity: 1, unitPrice: '30.00' }],
    }
    expect((await asStore('orders', order)).statusCode).toBe(202)
    const { customer_id: customerId } = await db
      .selectFrom('orders')
      .select('customer_id')
      .where('store_id', '=', 'tea-house')
      .where('id', '=', 'K-1')
      .executeTakeFirstOrThrow()
    const { pickPairing } = createActivities({ db })
    // pickPairing needs no activity context, so it is called as a plain function.
    const pick = () => pickPairing({ storeId: 'tea-house', customerId, orderId: 'K-1', excludePairingIds: [], excludeProductIds: [] })

    await call('PUT', `${base}/pairings`, { pairings: [] })
    await call('PUT', `${base}/recommendation-rules`, {})
    expect(await pick()).toMatchObject({ pairingId: 'mined:kettle:tea' })
    await call('PUT', `${base}/recommendation-rules`, { incompatibleCategories: [['Kitchen', 'Tea']], minSupport: 5 })
    // tea is incompatible and honey lacks support: lead is left.
    expect(await pick()).toMatchObject({ pairingId: 'mined:kettle:lead' })
    await call('PUT', `${base}/pairings`, { pairings: [{ triggerProductId: 'kettle', recommendedProductId: 'spoon', priority: 1 }] })
    expect(await pick()).toMatchObject({ pairingId: 'manual:kettle:spoon', source: 'manual' })
  })
})
