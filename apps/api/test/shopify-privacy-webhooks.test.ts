import { countErasures, guestCustomerIdIn, writeOutboxEvent } from '@crosswise/db'
import { JourneyEraser } from '@crosswise/engine'
import { uniqueId } from '@crosswise/testing'
import { WorkflowNotFoundError } from '@temporalio/client'
import { pino } from 'pino'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixtureIds, shopifyFixture } from './shopify-fixtures.ts'
import { adminToken, shopifyWebhookStack } from './shopify-webhook-stack.ts'
import { rowsMentioning } from './trace-scan.ts'

/** The fixture order as a guest checkout (no customer object), its texts replaced as given. */
const guestCheckout = (replacements: Record<string, string>) =>
  shopifyFixture('orders-create', replacements).replace(/"customer": \{[\s\S]*?\n {2}\},\n/, '"customer": null,\n')

describe('POST /webhooks/shopify: privacy and other topics', () => {
  const stack = shopifyWebhookStack('api_shopify_privacy')
  const { storeId, journeyId, deliver, drainAll } = stack
  const exportOf = (query: string) =>
    stack.app.inject({
      method: 'GET',
      url: `/v1/admin/stores/${storeId}/customers/export?${query}`,
      headers: { authorization: `Bearer ${adminToken}` },
    })
  const eraseJourneys = async () => {
    const eraser = new JourneyEraser({
      db: stack.db,
      client: stack.client,
      logger: pino({ level: 'silent' }),
      idleMs: 50,
      callTimeoutMs: 5_000,
      recheckMs: 100,
    })
    const deadline = Date.now() + 30_000
    while ((await countErasures(stack.db)) > 0) {
      if (Date.now() > deadline) throw new Error('journey erasures still waiting after 30 s')
      await eraser.eraseDue()
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  // The customer to erase has ordered, and their journey holds the order.
  beforeAll(async () => {
    expect((await deliver('orders/create', shopifyFixture('orders-create'))).json()).toEqual({
      duplicate: false,
      outcome: 'order-recorded',
    })
    await drainAll()
  })

  it('hands the store everything held about a customer on customers/data_request', async () => {
    // As Shopify sends it: the customer's id a JSON number above 2^53.
    const request = `{"shop_id":1,"shop_domain":"${stack.shop}","customer":{"id":${fixtureIds.customer},"email":"Ada.Lovelace@Example.com"},"data_request":{"id":9999}}`
    // The outcome is stored with the delivery, so it names no one.
    expect((await deliver('customers/data_request', request)).json()).toEqual({ duplicate: false, outcome: 'data-request-ready' })
    const exported = await exportOf(`customerId=${fixtureIds.customer}`)
    expect(exported.statusCode).toBe(200)
    const data = exported.json() as { customer: { email: string }; orders: Array<{ id: string }>; orderLines: unknown[] }
    expect(data.customer.email).toBe('ada.lovelace@example.com')
    expect(data.orders.map((order) => order.id)).toEqual([fixtureIds.order])
    expect(data.orderLines.length).toBeGreaterThan(0)
    expect((await exportOf('email=nobody@example.com')).statusCode).toBe(404)
  })

  it('erases the customer on customers/redact: no row names them, their journey leaves Temporal', async () => {
    const response = await deliver('customers/redact', shopifyFixture('customers-redact'))
    expect(response.json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    expect(await rowsMentioning(stack.db, 'lovelace')).toEqual({})
    // The journey's workflow id waits in the erasure queue; nothing else holds the id.
    expect(await rowsMentioning(stack.db, fixtureIds.customer)).toEqual({ journey_erasures: 1 })
    // The order stays, for the store's measurements, under an id that says nothing.
    const order = await stack.db.selectFrom('orders').select('customer_id').where('id', '=', fixtureIds.order).executeTakeFirstOrThrow()
    expect(order.customer_id).toMatch(/^redacted:[0-9a-f]{32}$/)
    expect((await stack.counts()).dispatches).toBeGreaterThan(0)
    expect((await stack.db.selectFrom('dispatches').select('status').where('status', '=', 'pending').execute()).length).toBe(0)

    await eraseJourneys()
    expect(await rowsMentioning(stack.db, fixtureIds.customer)).toEqual({})
    await expect(stack.client.workflow.getHandle(journeyId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError)
  })

  it('refuses a late redelivery of an erased customer’s order instead of storing them again', async () => {
    const again = await deliver('orders/create', shopifyFixture('orders-create'), {
      webhookId: uniqueId('redelivery'),
      eventId: uniqueId('event'),
    })
    expect(again.json()).toEqual({ duplicate: false, outcome: 'customer-erased' })
    expect(await rowsMentioning(stack.db, 'lovelace')).toEqual({})
    expect(await rowsMentioning(stack.db, fixtureIds.customer)).toEqual({})
    expect((await exportOf(`customerId=${fixtureIds.customer}`)).statusCode).toBe(404)
  })

  it('gives a guest an id free of their email, and erases the guest on customers/redact', async () => {
    const guest = {
      [fixtureIds.order]: '9223372036854775040',
      'ada.lovelace': 'marie.curie',
      'Ada.Lovelace': 'Marie.Curie',
      Lovelace: 'Curie',
    }
    const order = guestCheckout(guest)
    expect((await deliver('orders/create', order)).json()).toEqual({ duplicate: false, outcome: 'order-recorded' })
    const customerId = await guestCustomerIdIn(stack.db, storeId, 'marie.curie@example.com')
    expect(customerId).toMatch(/^guest:[0-9a-f]{32}$/)
    const stored = await stack.db
      .selectFrom('orders')
      .select('customer_id')
      .where('id', '=', '9223372036854775040')
      .executeTakeFirstOrThrow()
    expect(stored.customer_id).toBe(customerId)
    // A dry-run email sent to the guest keeps the Klaviyo event, which names the profile by email.
    const profile = { data: { attributes: { email: 'marie.curie@example.com', externalId: `crosswise:${storeId}:${customerId}` } } }
    await writeOutboxEvent(stack.db, {
      uniqueId: uniqueId('send'),
      storeId,
      customerId,
      profileId: `crosswise:${storeId}:${customerId}`,
      metric: 'Crosswise Recommendation',
      event: { data: { attributes: { profile } } },
    })
    await drainAll()

    const redact = shopifyFixture('customers-redact', { ...guest, '"id": 9223372036854770042': '"id": null' })
    expect((await deliver('customers/redact', redact)).json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    await eraseJourneys()
    expect(await rowsMentioning(stack.db, 'curie')).toEqual({})
    expect(await rowsMentioning(stack.db, customerId)).toEqual({})
  })

  it('links a guest who later orders with an account, so the account id finds and erases the guest', async () => {
    const guest = {
      [fixtureIds.order]: '9223372036854775050',
      'ada.lovelace': 'lise.meitner',
      'Ada.Lovelace': 'Lise.Meitner',
      Lovelace: 'Meitner',
    }
    expect((await deliver('orders/create', guestCheckout(guest))).json()).toEqual({ duplicate: false, outcome: 'order-recorded' })
    const account = { ...guest, [fixtureIds.order]: '9223372036854775051', [fixtureIds.customer]: '9223372036854770051' }
    expect((await deliver('orders/create', shopifyFixture('orders-create', account))).json()).toEqual({
      duplicate: false,
      outcome: 'order-recorded',
    })
    const guestId = await guestCustomerIdIn(stack.db, storeId, 'lise.meitner@example.com')
    const customer = await stack.db.selectFrom('customers').select(['id', 'account_id']).where('id', '=', guestId).executeTakeFirstOrThrow()
    expect(customer).toEqual({ id: guestId, account_id: '9223372036854770051' })
    const exported = (await exportOf('customerId=9223372036854770051')).json() as { orders: Array<{ id: string }> }
    expect(exported.orders.map((order) => order.id).sort()).toEqual(['9223372036854775050', '9223372036854775051'])

    // Shopify names the account only, by id: the guest it was linked to goes with it.
    const redaction = `{"shop_id":1,"shop_domain":"${stack.shop}","customer":{"id":9223372036854770051,"email":null},"orders_to_redact":[]}`
    expect((await deliver('customers/redact', redaction)).json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    await eraseJourneys()
    expect(await rowsMentioning(stack.db, 'meitner')).toEqual({})
    expect(await rowsMentioning(stack.db, '9223372036854770051')).toEqual({})
  })

  it('erases whoever placed the orders_to_redact, even a guest it names by no id or email of theirs', async () => {
    const guest = {
      [fixtureIds.order]: '9223372036854775077',
      'ada.lovelace': 'emmy.noether',
      'Ada.Lovelace': 'Emmy.Noether',
      Lovelace: 'Noether',
    }
    const order = guestCheckout(guest)
    expect((await deliver('orders/create', order)).json()).toEqual({ duplicate: false, outcome: 'order-recorded' })
    // The request names a customer we never saw; only the order list points at the guest.
    const redaction = JSON.stringify({
      shop_id: 1,
      shop_domain: stack.shop,
      customer: { id: 1234567, email: 'someone.else@example.com' },
      orders_to_redact: ['9223372036854775077'],
    })
    expect((await deliver('customers/redact', redaction)).json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    await eraseJourneys()
    expect(await rowsMentioning(stack.db, 'noether')).toEqual({})
  })

  it('acknowledges a topic it does not take in', async () => {
    expect((await deliver('carts/update', '{"id": 1}')).json()).toEqual({ duplicate: false, outcome: 'ignored-topic' })
  })

  // Last: the store is gone afterwards.
  it('deletes the store and all it holds on shop/redact, and refuses the shop from then on', async () => {
    const redaction = JSON.stringify({ shop_id: 1, shop_domain: stack.shop })
    expect((await deliver('shop/redact', redaction)).json()).toEqual({ duplicate: false, outcome: 'shop-erased' })
    expect(await rowsMentioning(stack.db, storeId)).toEqual({ journey_erasures: 1 })
    await eraseJourneys()
    expect(await rowsMentioning(stack.db, storeId)).toEqual({})
    // The webhook secret went with the store: nothing can be verified for the shop any more.
    await new Promise((resolve) => setTimeout(resolve, 5_100))
    expect((await deliver('orders/create', shopifyFixture('orders-create'), { webhookId: uniqueId('after') })).statusCode).toBe(401)
  })
})
