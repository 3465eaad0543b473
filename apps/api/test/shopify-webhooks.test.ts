import { countDispatches, createDatabase, findProducts, guestCustomerId, migrateToLatest, writeOutboxEvent, type Db } from '@crosswise/db'
import { createTestDatabase, temporalAddress, uniqueId } from '@crosswise/testing'
import { Dispatcher } from '@crosswise/worker'
import { Client, Connection } from '@temporalio/client'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'
import { fixtureIds, shopifyFixture, shopifyHeaders, type DeliveryOptions } from './shopify-fixtures.ts'

const logger = pino({ level: 'silent' })
const adminToken = 'admin-token-for-tests'
const secret = 'shpss_0123456789abcdef0123456789abcdef'

describe('POST /webhooks/shopify', () => {
  const storeId = uniqueId('brewline')
  const shop = `${storeId}.myshopify.com`
  let db: Db
  let app: FastifyInstance
  let connection: Connection
  let client: Client
  let dispatcher: Dispatcher

  beforeAll(async () => {
    // Pipelined, with prepared statements, as the API's own pool (src/main.ts).
    db = createDatabase(await createTestDatabase('api_shopify'), { pipeline: true, preparedStatements: 200 })
    await migrateToLatest(db)
    app = await buildServer({ db, logger, bodyLimit: 64 * 1024, adminToken })
    const created = await app.inject({
      method: 'POST',
      url: '/v1/admin/stores',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { id: storeId, name: 'Brewline', currency: 'EUR', shopify: { domain: shop, webhookSecret: secret } },
    })
    expect(created.statusCode).toBe(201)
    connection = await Connection.connect({ address: temporalAddress() })
    client = new Client({ connection })
    // No journey worker: a started journey is an open execution holding the signals it was sent.
    dispatcher = new Dispatcher({ db, client, taskQueue: uniqueId('ingest'), logger, batchSize: 50, idleMs: 50, callTimeoutMs: 5_000 })
  })
  afterAll(async () => {
    await app?.close()
    await connection?.close()
    await db?.destroy()
  })

  const deliver = (topic: string, body: string, options: Partial<DeliveryOptions> = {}) =>
    app.inject({ method: 'POST', url: '/webhooks/shopify', headers: shopifyHeaders(body, { topic, shop, secret, ...options }), body })
  const count = async (table: 'orders' | 'dispatches' | 'webhook_deliveries' | 'fulfillments' | 'refunds' | 'products') =>
    Number((await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  const counts = async () => ({
    orders: await count('orders'),
    dispatches: await count('dispatches'),
    deliveries: await count('webhook_deliveries'),
    fulfillments: await count('fulfillments'),
  })
  const signalsOf = async (workflowId: string) => {
    const history = await client.workflow.getHandle(workflowId).fetchHistory()
    return (history.events ?? []).flatMap((event) => {
      const name = event.workflowExecutionSignaledEventAttributes?.signalName
      return name ? [name] : []
    })
  }
  const journeyId = `journey:${storeId}:${fixtureIds.customer}`
  // No row of any table mentions the person: ids, payloads and kept events included.
  const expectNoRowMentioning = async (text: string) => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db)
    for (const { table_name } of tables.rows) {
      const found = await sql<{
        n: string
      }>`select count(*) as n from ${sql.table(table_name)} t where t::text ilike ${`%${text}%`}`.execute(db)
      expect({ table: table_name, rows: Number(found.rows[0]!.n) }).toEqual({ table: table_name, rows: 0 })
    }
  }
  // One drain delivers at most one dispatch per journey (they go in order): drain until none is left.
  const drainAll = async () => {
    while ((await countDispatches(db)).pending > 0) await dispatcher.drainOnce()
  }

  it('records a signed orders/create with exact big ids, and the dispatcher starts the journey', async () => {
    const response = await deliver('orders/create', shopifyFixture('orders-create'))
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ duplicate: false, outcome: 'order-recorded' })

    const order = await db.selectFrom('orders').selectAll().where('id', '=', fixtureIds.order).executeTakeFirstOrThrow()
    expect(order).toMatchObject({
      customer_id: fixtureIds.customer,
      total: '70.7000',
      currency: 'EUR',
      financial_status: 'paid',
      source: 'shopify',
    })
    const lines = await db.selectFrom('order_lines').select(['product_id', 'variant_id', 'quantity']).orderBy('line_no').execute()
    expect(lines).toEqual([
      { product_id: fixtureIds.kettle, variant_id: '9223372036854773001', quantity: 1 },
      { product_id: fixtureIds.filters, variant_id: '44123456789012', quantity: 2 },
    ])
    const customer = await db.selectFrom('customers').selectAll().where('id', '=', fixtureIds.customer).executeTakeFirstOrThrow()
    expect(customer).toMatchObject({ email: 'ada.lovelace@example.com', first_name: 'Ada', last_name: 'Lovelace', accepts_marketing: true })

    await drainAll()
    const description = await client.workflow.getHandle(journeyId).describe()
    expect(description.status.name).toBe('RUNNING')
    expect(await signalsOf(journeyId)).toEqual(['orderPlaced'])
  })

  it('acknowledges a redelivery (same webhook id) and a retried action (same event id) without a second effect', async () => {
    const body = shopifyFixture('orders-create', {
      [fixtureIds.order]: '9223372036854775010',
      [fixtureIds.customer]: '9223372036854770010',
      'ada.lovelace': 'bo',
      'Ada.Lovelace': 'Bo',
      Lovelace: 'Bohr',
    })
    const first = await deliver('orders/create', body, { webhookId: 'wh-1', eventId: 'ev-1' })
    expect(first.json()).toEqual({ duplicate: false, outcome: 'order-recorded' })
    const before = await counts()
    const again = await deliver('orders/create', body, { webhookId: 'wh-1', eventId: 'ev-1' })
    const sameEvent = await deliver('orders/create', body, { webhookId: 'wh-2', eventId: 'ev-1' })
    expect([again.statusCode, sameEvent.statusCode]).toEqual([200, 200])
    expect([again.json(), sameEvent.json()]).toEqual([{ duplicate: true }, { duplicate: true }])
    expect(await counts()).toEqual(before)
    // A different event about the same order (orders/paid) refreshes the order, adds no dispatch.
    const paid = await deliver('orders/paid', body.replace('"financial_status": "paid"', '"financial_status": "partially_refunded"'))
    expect(paid.json()).toEqual({ duplicate: false, outcome: 'order-known' })
    expect(await counts()).toEqual({ ...before, deliveries: before.deliveries + 1 })
  })

  it('leaves a newer status alone when a late retry of an older delivery arrives', async () => {
    const body = shopifyFixture('orders-create', {
      [fixtureIds.order]: '9223372036854775012',
      [fixtureIds.customer]: '9223372036854770012',
      'ada.lovelace': 'emmy',
      'Ada.Lovelace': 'Emmy',
      Lovelace: 'Noether',
    })
    // Within the kept history (older deliveries are ignored as stale), whatever day the test runs.
    const hourAgo = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000
    const at = (minute: number) => new Date(hourAgo + minute * 60_000)
    expect((await deliver('orders/create', body, { triggeredAt: at(0) })).json()).toEqual({ duplicate: false, outcome: 'order-recorded' })
    const refunded = body.replace('"financial_status": "paid"', '"financial_status": "refunded"')
    expect((await deliver('orders/paid', refunded, { triggeredAt: at(20) })).json()).toEqual({ duplicate: false, outcome: 'order-known' })
    // The orders/paid of minute 10, retried after the refund of minute 20.
    expect((await deliver('orders/paid', body, { triggeredAt: at(10) })).json()).toEqual({
      duplicate: false,
      outcome: 'order-status-stale',
    })
    const order = await db
      .selectFrom('orders')
      .select(['financial_status', 'status_at'])
      .where('id', '=', '9223372036854775012')
      .executeTakeFirstOrThrow()
    expect(order).toEqual({ financial_status: 'refunded', status_at: at(20) })
  })

  it('acknowledges a delivery triggered before the kept history as stale, and changes nothing', async () => {
    const body = shopifyFixture('orders-create', { [fixtureIds.order]: '9223372036854775014' })
    const before = await counts()
    const replayed = await deliver('orders/create', body, { triggeredAt: new Date(Date.now() - 8 * 24 * 3_600_000) })
    expect(replayed.json()).toEqual({ duplicate: false, outcome: 'ignored-stale' })
    expect(await counts()).toEqual({ ...before, deliveries: before.deliveries + 1 })
  })

  it('answers 401 and records nothing for a bad, missing or foreign signature, or an unknown shop', async () => {
    const body = shopifyFixture('orders-create', { [fixtureIds.order]: '9223372036854775020' })
    const before = await counts()
    const responses = await Promise.all([
      deliver('orders/create', body, { signature: null }),
      deliver('orders/create', body, { signature: 'bm90IGEgc2lnbmF0dXJl' }),
      deliver('orders/create', body, { secret: 'shpss_another_secret_that_is_long_enough' }),
      deliver('orders/create', body, { shop: 'someone-else.myshopify.com' }),
      app.inject({
        method: 'POST',
        url: '/webhooks/shopify',
        headers: shopifyHeaders(body, { topic: 'orders/create', shop, secret }),
        body: body.replace('"quantity": 2', '"quantity": 20'),
      }),
    ])
    expect(responses.map((response) => response.statusCode)).toEqual([401, 401, 401, 401, 401])
    expect(responses[0]!.json()).toMatchObject({ error: 'unauthorized' })
    expect(await counts()).toEqual(before)
  })

  it('ends in the right state when the fulfilment arrives before its order', async () => {
    const ids = {
      [fixtureIds.order]: '9223372036854775030',
      [fixtureIds.customer]: '9223372036854770030',
      'ada.lovelace': 'grace.hopper',
      'Ada.Lovelace': 'Grace.Hopper',
      Lovelace: 'Hopper',
    }
    const early = await deliver(
      'fulfillments/create',
      shopifyFixture('fulfillments-create', { ...ids, [fixtureIds.fulfillment]: '9223372036854774030' }),
    )
    expect(early.json()).toEqual({ duplicate: false, outcome: 'fulfilment-waiting-for-order' })
    expect(await db.selectFrom('fulfillments').select('order_id').where('id', '=', '9223372036854774030').executeTakeFirst()).toEqual({
      order_id: '9223372036854775030',
    })
    const placed = await deliver('orders/create', shopifyFixture('orders-create', ids))
    expect(placed.json()).toEqual({ duplicate: false, outcome: 'order-recorded' })

    const dispatches = await db
      .selectFrom('dispatches')
      .select(['kind', 'payload'])
      .where('customer_id', '=', '9223372036854770030')
      .orderBy('id')
      .execute()
    expect(dispatches.map((row) => row.kind)).toEqual(['orderPlaced', 'orderFulfilled'])
    expect(dispatches[1]!.payload).toEqual({ orderId: '9223372036854775030', fulfilledAt: '2026-11-21T13:02:11.000Z', complete: true })

    await drainAll()
    expect(await signalsOf(`journey:${storeId}:9223372036854770030`)).toEqual(['orderPlaced', 'orderFulfilled'])
  })

  it('signals refunds and cancellations of a known order', async () => {
    const refund = await deliver('refunds/create', shopifyFixture('refunds-create'))
    expect(refund.json()).toEqual({ duplicate: false, outcome: 'refund-recorded' })
    const cancelled = shopifyFixture('orders-create').replace('"cancelled_at": null', '"cancelled_at": "2026-11-25T10:00:00+01:00"')
    expect((await deliver('orders/cancelled', cancelled)).json()).toEqual({ duplicate: false, outcome: 'order-cancelled' })
    const kinds = await db
      .selectFrom('dispatches')
      .select(['kind', 'payload'])
      .where('customer_id', '=', fixtureIds.customer)
      .orderBy('id')
      .execute()
    expect(kinds).toEqual([
      expect.objectContaining({ kind: 'orderPlaced' }),
      { kind: 'orderRefunded', payload: { orderId: fixtureIds.order, refundedAt: '2026-11-25T08:30:00.000Z', full: false } },
      { kind: 'orderCancelled', payload: { orderId: fixtureIds.order, cancelledAt: '2026-11-25T09:00:00.000Z' } },
    ])
  })

  it('keeps the catalogue from products/create and products/update, newest first', async () => {
    const body = shopifyFixture('products-update')
    expect((await deliver('products/create', body)).json()).toEqual({ duplicate: false, outcome: 'product-saved' })
    const older = body.replace(
      '"updated_at": "2026-11-22T08:00:00+01:00",\n  "vendor"',
      '"updated_at": "2026-11-01T08:00:00+01:00",\n  "vendor"',
    )
    expect((await deliver('products/update', older.replace('Paper Filters (100)', 'Old title'))).json()).toEqual({
      duplicate: false,
      outcome: 'product-stale',
    })
    const soldOut = body
      .replace('"inventory_quantity": 340', '"inventory_quantity": 0')
      .replace('"updated_at": "2026-11-22T08:00:00+01:00",\n  "vendor"', '"updated_at": "2026-11-23T08:00:00+01:00",\n  "vendor"')
    expect((await deliver('products/update', soldOut)).json()).toEqual({ duplicate: false, outcome: 'product-saved' })
    const product = await db.selectFrom('products').selectAll().where('id', '=', fixtureIds.filters).executeTakeFirstOrThrow()
    expect(product).toMatchObject({
      title: 'Paper Filters (100)',
      category: 'Brewing accessories',
      price: '7.4500',
      currency: 'EUR',
      available: false,
      url: null,
      handle: 'paper-filters-100',
      image_url: 'https://cdn.shopify.com/s/files/1/0612/3456/7890/products/filters.jpg?v=1736506800',
    })
    // Its page comes from the handle on the shop's domain, as every reader of products sees it.
    const [shown] = await findProducts(db, storeId, [fixtureIds.filters])
    expect(shown?.url).toBe(`https://${shop}/products/paper-filters-100`)
  })

  it('keeps a product deleted in Shopify unavailable, until an update made after the deletion', async () => {
    const body = shopifyFixture('products-update')
    // Within the kept history (older deliveries are ignored as stale), whatever day the test runs.
    const deletedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000)
    const minutesAfter = (minutes: number) => new Date(deletedAt.getTime() + minutes * 60_000).toISOString()
    const remove = (options: Partial<DeliveryOptions> = {}) =>
      deliver('products/delete', `{"id": ${fixtureIds.filters}}`, { triggeredAt: deletedAt, ...options })
    const first = await remove({ webhookId: 'wh-delete', eventId: 'ev-delete' })
    expect(first.json()).toEqual({ duplicate: false, outcome: 'product-deleted' })
    expect((await remove({ webhookId: 'wh-delete', eventId: 'ev-delete' })).json()).toEqual({ duplicate: true })
    const stored = () =>
      db.selectFrom('products').select(['title', 'available', 'deleted_at']).where('id', '=', fixtureIds.filters).executeTakeFirstOrThrow()
    expect(await stored()).toEqual({ title: 'Paper Filters (100)', available: false, deleted_at: deletedAt })

    // A retried update from before the deletion changes nothing; one made after it restores the product.
    const at = (time: string, title: string) =>
      body
        .replace('"updated_at": "2026-11-22T08:00:00+01:00",\n  "vendor"', `"updated_at": "${time}",\n  "vendor"`)
        .replace('Paper Filters (100)', title)
    expect((await deliver('products/update', at(minutesAfter(-30), 'Before'))).json()).toEqual({
      duplicate: false,
      outcome: 'product-stale',
    })
    expect((await deliver('products/update', at(minutesAfter(30), 'Paper Filters (200)'))).json()).toEqual({
      duplicate: false,
      outcome: 'product-saved',
    })
    expect(await stored()).toEqual({ title: 'Paper Filters (200)', available: true, deleted_at: null })

    expect((await deliver('products/delete', '{"id": 1}')).json()).toEqual({ duplicate: false, outcome: 'product-unknown' })
    const bad = await deliver('products/delete', '{"id": "  "}')
    expect([bad.statusCode, bad.json().issues[0].field]).toEqual([400, 'body.id'])
  })

  it('erases the customer on customers/redact and ends their journey', async () => {
    const response = await deliver('customers/redact', shopifyFixture('customers-redact'))
    expect(response.json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    await expectNoRowMentioning('lovelace')
    const last = await db.selectFrom('dispatches').select(['kind', 'workflow_id']).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(last).toEqual({ kind: 'customerRedacted', workflow_id: journeyId })
    await drainAll()
    expect((await signalsOf(journeyId)).at(-1)).toBe('customerRedacted')
  })

  it('gives a guest an id free of their email, and erases the guest on customers/redact', async () => {
    const guest = {
      [fixtureIds.order]: '9223372036854775040',
      'ada.lovelace': 'marie.curie',
      'Ada.Lovelace': 'Marie.Curie',
      Lovelace: 'Curie',
    }
    // Without a customer object, as a guest checkout arrives.
    const order = shopifyFixture('orders-create', guest).replace(/"customer": \{[\s\S]*?\n {2}\},\n/, '"customer": null,\n')
    expect((await deliver('orders/create', order)).json()).toEqual({ duplicate: false, outcome: 'order-recorded' })
    const customerId = guestCustomerId(storeId, 'marie.curie@example.com')
    expect(customerId).toMatch(/^guest:[0-9a-f]{32}$/)
    const stored = await db.selectFrom('orders').select('customer_id').where('id', '=', '9223372036854775040').executeTakeFirstOrThrow()
    expect(stored.customer_id).toBe(customerId)
    // A dry-run email sent to the guest keeps the Klaviyo event, which names the profile by email.
    const profile = { data: { attributes: { email: 'marie.curie@example.com', externalId: `crosswise:${storeId}:${customerId}` } } }
    await writeOutboxEvent(db, {
      uniqueId: uniqueId('send'),
      storeId,
      customerId,
      profileId: `crosswise:${storeId}:${customerId}`,
      metric: 'Crosswise Recommendation',
      event: { data: { attributes: { profile } } },
    })

    const redact = shopifyFixture('customers-redact', { ...guest, '"id": 9223372036854770042': '"id": null' })
    expect((await deliver('customers/redact', redact)).json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    await expectNoRowMentioning('curie')
    await drainAll()
    expect((await signalsOf(`journey:${storeId}:${customerId}`)).at(-1)).toBe('customerRedacted')
  })

  it('acknowledges a topic it does not take in', async () => {
    expect((await deliver('carts/update', '{"id": 1}')).json()).toEqual({ duplicate: false, outcome: 'ignored-topic' })
  })

  describe('bad input', () => {
    const order = (replacements: Record<string, string>) =>
      shopifyFixture('orders-create', { [fixtureIds.order]: '9223372036854775090', ...replacements })
    it.each([
      ['a missing field', 'orders/create', order({ '"currency": "EUR",': '' }), 'body.currency'],
      ['a wrong type', 'orders/create', order({ '"quantity": 2,': '"quantity": "two",' }), 'body.line_items[1].quantity'],
      [
        'a float as money',
        'refunds/create',
        shopifyFixture('refunds-create').replace('"amount": "14.90"', '"amount": "1e3"'),
        'body.transactions[0].amount',
      ],
      [
        'a bad date',
        'fulfillments/create',
        shopifyFixture('fulfillments-create').replace('"created_at": "2026-11-21T14:02:11+01:00"', '"created_at": "yesterday"'),
        'body.created_at',
      ],
    ])('rejects %s with 400 naming the field and records nothing', async (_case, topic, body, field) => {
      const before = await counts()
      const response = await deliver(topic, body)
      expect(response.statusCode).toBe(400)
      const problem = response.json() as { error: string; message: string; issues: Array<{ field: string }> }
      expect(problem.error).toBe('invalid_request')
      expect(problem.issues.map((issue) => issue.field)).toContain(field)
      expect(problem.message).toContain(field)
      expect(await counts()).toEqual(before)
    })

    it('rejects malformed JSON, a missing topic, an oversized body and a wrong content type', async () => {
      const before = await counts()
      const malformed = await deliver('orders/create', '{"id": 1, "line_items": [')
      expect([malformed.statusCode, malformed.json().error]).toEqual([400, 'invalid_json'])
      const body = order({})
      const noTopic = await app.inject({
        method: 'POST',
        url: '/webhooks/shopify',
        headers: { ...shopifyHeaders(body, { topic: 'orders/create', shop, secret }), 'x-shopify-topic': '' },
        body,
      })
      expect([noTopic.statusCode, noTopic.json().issues]).toEqual([
        400,
        [{ field: 'headers.x-shopify-topic', message: 'is missing or invalid' }],
      ])
      const huge = body.replace('"note": null', `"note": "${'x'.repeat(70 * 1024)}"`)
      const oversize = await deliver('orders/create', huge)
      expect([oversize.statusCode, oversize.json().error]).toEqual([413, 'payload_too_large'])
      const form = await deliver('orders/create', 'id=1', { contentType: 'application/x-www-form-urlencoded' })
      expect([form.statusCode, form.json().error]).toEqual([415, 'unsupported_media_type'])
      expect(await counts()).toEqual(before)
    })
  })
})
