import {
  countErasures,
  createDatabase,
  importOrderHistory,
  listSends,
  migrateToLatest,
  saveManualPairings,
  upsertProducts,
  type Db,
} from '@crosswise/db'
import { productSchema } from '@crosswise/domain'
import { createActivities, createJourneyWorker, Dispatcher, JourneyEraser, NativeConnection } from '@crosswise/engine'
import { createTestDatabase, temporalAddress, uniqueId } from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'
import { fixtureIds, shopifyFixture, shopifyHeaders } from './shopify-fixtures.ts'
import { rowsMentioning } from './trace-scan.ts'

// One customer reaches Crosswise through every path (history import, the JSON API, Shopify webhooks,
// a journey that sends and sees engagement, admin reads), is redacted, and then no table, no Temporal
// history or search attribute and no log line of the API, dispatcher or eraser holds their email,
// name or id. Another customer, left alone, shows the scans can see what they look for.

const adminToken = 'redaction-scan-admin-token'
const webhookSecret = 'shpss_redactionscan0123456789abcdef'
const erased = { id: '9223372036854779999', email: 'wilhelmina.quixlebury@example.com', first: 'Wilhelmina', last: 'Quixlebury' }
/** What must not be found anywhere afterwards, any case. */
const traces = [erased.id, 'quixlebury', 'wilhelmina']
const erasedOrder = '9223372036854775101'
const descaler = '9223372036854772099'

/** A Shopify payload of the fixture customer, turned into the erased customer. */
const asErased = (fixture: string) =>
  shopifyFixture(fixture, {
    [fixtureIds.order]: erasedOrder,
    [fixtureIds.customer]: erased.id,
    [fixtureIds.fulfillment]: '9223372036854774101',
    'Ada.Lovelace': 'Wilhelmina.Quixlebury',
    'ada.lovelace': 'wilhelmina.quixlebury',
    Lovelace: 'Quixlebury',
    '"Ada"': '"Wilhelmina"',
  })

/** Every text of a Temporal history or description, payload bytes decoded, as one string. */
const textOf = (value: unknown) =>
  JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Uint8Array) return Buffer.from(inner).toString('utf8')
    const buffer = inner as { type?: unknown; data?: unknown }
    if (buffer && buffer.type === 'Buffer' && Array.isArray(buffer.data)) return Buffer.from(buffer.data as number[]).toString('utf8')
    return typeof inner === 'bigint' ? inner.toString() : inner
  })

const mentions = (text: string, trace: string) => text.toLowerCase().includes(trace.toLowerCase())

describe('redaction scan: a customer seeded through every path leaves no trace', () => {
  const storeId = uniqueId('scanstore')
  const shop = `${storeId}.myshopify.com`
  const taskQueue = uniqueId('scan')
  const logLines: string[] = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) })
  let db: Db
  let app: FastifyInstance
  let connection: Connection
  let client: Client
  let nativeConnection: NativeConnection
  let worker: Awaited<ReturnType<typeof createJourneyWorker>>
  let running: Promise<void>
  let dispatcher: Dispatcher
  let storeToken: string

  const deliver = (topic: string, body: string) =>
    app.inject({ method: 'POST', url: '/webhooks/shopify', headers: shopifyHeaders(body, { topic, shop, secret: webhookSecret }), body })
  const admin = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, ...(payload === undefined ? {} : { payload }) })
  const waitFor = async (done: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 30_000
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen within 30 s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  /** Text of every execution on the test's task queue: histories with payloads decoded, search attributes, summaries. */
  const temporalTexts = async () => {
    const texts = new Map<string, string>()
    for await (const execution of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
      const handle = client.workflow.getHandle(execution.workflowId, execution.runId)
      const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()])
      texts.set(`${execution.workflowId} ${execution.runId}`, textOf({ history, description, info: execution }))
    }
    return texts
  }

  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('redaction_scan'))
    await migrateToLatest(db)
    connection = await Connection.connect({ address: temporalAddress() })
    client = new Client({ connection })
    app = await buildServer({ db, logger, bodyLimit: 1_048_576, adminToken, temporal: client, taskQueue })
    const created = await admin('POST', '/v1/admin/stores', {
      id: storeId,
      name: 'Scan',
      currency: 'EUR',
      shopify: { domain: shop, webhookSecret },
      // No waits, nobody held out, engagement read every second for a minute.
      policy: {
        delayMs: { 'first-time': 0, repeat: 0, vip: 0 },
        sendWindow: { startHour: 0, endHour: 24 },
        frequencyCap: { maxEmails: 100, windowMs: 1_000, minGapMs: 0 },
        holdoutShare: 0,
        engagement: { waitMs: 60_000, followUpDelayMs: 0, pollIntervalMs: 1_000, onNotOpened: 'end' },
      },
    })
    expect(created.statusCode).toBe(201)
    storeToken = (created.json() as { apiToken: string }).apiToken
    const updatedAt = new Date().toISOString()
    await upsertProducts(
      db,
      storeId,
      [
        { productId: fixtureIds.kettle, title: 'Gooseneck Kettle' },
        { productId: fixtureIds.filters, title: 'Paper Filters' },
        { productId: descaler, title: 'Descaler' },
      ].map((product) =>
        productSchema.parse({
          ...product,
          category: 'coffee',
          price: '9.90',
          currency: 'EUR',
          url: `https://shop.example/p/${product.productId}`,
          updatedAt,
        }),
      ),
    )
    await saveManualPairings(db, storeId, [{ triggerProductId: fixtureIds.kettle, recommendedProductId: descaler, priority: 1 }])
    nativeConnection = await NativeConnection.connect({ address: temporalAddress() })
    worker = await createJourneyWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db }),
    })
    running = worker.run()
    dispatcher = new Dispatcher({ db, client, taskQueue, logger, batchSize: 50, idleMs: 50, callTimeoutMs: 5_000 })
    dispatcher.start()
  })
  afterAll(async () => {
    await dispatcher?.stop()
    worker?.shutdown()
    await running
    await nativeConnection?.close()
    await app?.close()
    await connection?.close()
    await db?.destroy()
  })

  it('seeds the customer everywhere, redacts them, and finds them nowhere', async () => {
    // History import (what `crosswise import` writes), then the JSON API (a cancelled order: stored, no journey).
    await importOrderHistory(db, storeId, [
      {
        orderId: 'history-1',
        customer: { id: erased.id, email: erased.email },
        currency: 'EUR',
        placedAt: new Date('2026-01-10T10:00:00Z'),
        lineItems: [{ productId: fixtureIds.filters, title: 'Paper Filters', quantity: 1, unitPrice: '4.90' }],
      },
    ])
    const viaApi = await app.inject({
      method: 'POST',
      url: `/v1/stores/${storeId}/orders`,
      headers: { authorization: `Bearer ${storeToken}` },
      payload: {
        orderId: 'api-1',
        customer: { id: erased.id, email: erased.email, firstName: erased.first, lastName: erased.last },
        currency: 'EUR',
        placedAt: '2026-11-01T10:00:00Z',
        cancelledAt: '2026-11-01T11:00:00Z',
        lineItems: [{ productId: fixtureIds.filters, title: 'Paper Filters', quantity: 1, unitPrice: '4.90' }],
      },
    })
    expect(viaApi.statusCode).toBe(202)
    // Shopify webhooks: the order and its shipment start the journey; the other customer orders too.
    expect((await deliver('orders/create', asErased('orders-create'))).json()).toMatchObject({ outcome: 'order-recorded' })
    expect((await deliver('fulfillments/create', asErased('fulfillments-create'))).json()).toMatchObject({ duplicate: false })
    expect((await deliver('orders/create', shopifyFixture('orders-create'))).json()).toMatchObject({ outcome: 'order-recorded' })

    // The journey sends (to the dry-run outbox), and the customer opens and clicks.
    const sendKey = `${storeId}:${erasedOrder}:email-1`
    await waitFor(async () => (await listSends(db, storeId)).some((send) => send.sendKey === sendKey && send.status === 'sent'), 'the send')
    for (const kind of ['opened', 'clicked'])
      expect(
        (await admin('POST', `/v1/admin/stores/${storeId}/sends/${encodeURIComponent(sendKey)}/engagement`, { kind })).statusCode,
      ).toBe(201)
    // The journey read the engagement (and recorded it for attribution).
    await waitFor(
      async () => (await db.selectFrom('send_engagements').select('kind').where('send_key', '=', sendKey).execute()).length === 2,
      'the journey reading the open and the click',
    )
    // Admin reads that name the customer in the path and the query string.
    expect((await admin('GET', `/v1/admin/stores/${storeId}/journeys/${erased.id}`)).statusCode).toBe(200)
    expect((await admin('GET', `/v1/admin/stores/${storeId}/customers/export?email=${erased.email}`)).statusCode).toBe(200)

    // Before: the scans see the customer, so their silence afterwards means something.
    expect(Object.keys(await rowsMentioning(db, erased.id)).length).toBeGreaterThan(3)
    expect([...(await temporalTexts()).values()].some((text) => mentions(text, erased.id))).toBe(true)

    const redaction = `{"shop_id":1,"shop_domain":"${shop}","customer":{"id":${erased.id},"email":"${erased.email}"},"orders_to_redact":[${erasedOrder}]}`
    expect((await deliver('customers/redact', redaction)).json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    const eraser = new JourneyEraser({ db, client, logger, idleMs: 100, callTimeoutMs: 5_000, recheckMs: 200 })
    await waitFor(async () => {
      await eraser.eraseDue()
      return (await countErasures(db)) === 0
    }, 'the journey erasure')

    for (const trace of traces) expect({ trace, rows: await rowsMentioning(db, trace) }).toEqual({ trace, rows: {} })
    const executions = await temporalTexts()
    for (const trace of traces) {
      const holding = [...executions].filter(([, text]) => mentions(text, trace)).map(([execution]) => execution)
      expect({ trace, executions: holding }).toEqual({ trace, executions: [] })
    }
    const logs = logLines.join('')
    for (const trace of traces) expect({ trace, inLogs: mentions(logs, trace) }).toEqual({ trace, inLogs: false })

    // The other customer is all there: in the tables, in their journey's history, and the logs ran.
    expect(Object.keys(await rowsMentioning(db, fixtureIds.customer)).length).toBeGreaterThan(0)
    expect([...executions.values()].some((text) => mentions(text, fixtureIds.customer))).toBe(true)
    expect(mentions(logs, 'shopify webhook')).toBe(true)
    // The erased customer's orders still count for the store, under an opaque id.
    const kept = await db
      .selectFrom('orders')
      .select(['id', 'customer_id'])
      .where('store_id', '=', storeId)
      .where('id', '=', erasedOrder)
      .executeTakeFirstOrThrow()
    expect(kept.customer_id).toMatch(/^redacted:/)
  })
})
