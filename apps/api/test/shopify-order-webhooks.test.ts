import { describe, expect, it } from 'vitest'
import { fixtureIds, shopifyFixture, shopifyHeaders } from './shopify-fixtures.ts'
import { shopifyWebhookStack, webhookSecret } from './shopify-webhook-stack.ts'

describe('POST /webhooks/shopify: orders, fulfilments, refunds', () => {
  const stack = shopifyWebhookStack('api_shopify_orders')
  const { storeId, shop, journeyId, deliver, counts, signalsOf, drainAll } = stack

  it('records a signed orders/create with exact big ids, and the dispatcher starts the journey', async () => {
    const response = await deliver('orders/create', shopifyFixture('orders-create'))
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ duplicate: false, outcome: 'order-recorded' })

    const order = await stack.db.selectFrom('orders').selectAll().where('id', '=', fixtureIds.order).executeTakeFirstOrThrow()
    expect(order).toMatchObject({
      customer_id: fixtureIds.customer,
      total: '70.7000',
      currency: 'EUR',
      financial_status: 'paid',
      source: 'shopify',
    })
    const lines = await stack.db.selectFrom('order_lines').select(['product_id', 'variant_id', 'quantity']).orderBy('line_no').execute()
    expect(lines).toEqual([
      { product_id: fixtureIds.kettle, variant_id: '9223372036854773001', quantity: 1 },
      { product_id: fixtureIds.filters, variant_id: '44123456789012', quantity: 2 },
    ])
    const customer = await stack.db.selectFrom('customers').selectAll().where('id', '=', fixtureIds.customer).executeTakeFirstOrThrow()
    expect(customer).toMatchObject({ email: 'ada.lovelace@example.com', first_name: 'Ada', last_name: 'Lovelace', accepts_marketing: true })

    await drainAll()
    const description = await stack.client.workflow.getHandle(journeyId).describe()
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
    const order = await stack.db
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
      stack.app.inject({
        method: 'POST',
        url: '/webhooks/shopify',
        headers: shopifyHeaders(body, { topic: 'orders/create', shop, secret: webhookSecret }),
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
    expect(await stack.db.selectFrom('fulfillments').select('order_id').where('id', '=', '9223372036854774030').executeTakeFirst()).toEqual(
      {
        order_id: '9223372036854775030',
      },
    )
    const placed = await deliver('orders/create', shopifyFixture('orders-create', ids))
    expect(placed.json()).toEqual({ duplicate: false, outcome: 'order-recorded' })

    const dispatches = await stack.db
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
    const kinds = await stack.db
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
})
