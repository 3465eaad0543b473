import { guestCustomerIdIn, writeOutboxEvent } from '@crosswise/db'
import { uniqueId } from '@crosswise/testing'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixtureIds, shopifyFixture } from './shopify-fixtures.ts'
import { adminToken, shopifyWebhookStack } from './shopify-webhook-stack.ts'

/** The fixture order as a guest checkout (no customer object), its texts replaced as given. */
const guestCheckout = (replacements: Record<string, string>) =>
  shopifyFixture('orders-create', replacements).replace(/"customer": \{[\s\S]*?\n {2}\},\n/, '"customer": null,\n')

describe('POST /webhooks/shopify: privacy and other topics', () => {
  const stack = shopifyWebhookStack('api_shopify_privacy')
  const { storeId, journeyId, deliver, signalsOf, drainAll } = stack
  // No row of any table mentions the person: ids, payloads and kept events included.
  const expectNoRowMentioning = async (text: string) => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(stack.db)
    for (const { table_name } of tables.rows) {
      const found = await sql<{
        n: string
      }>`select count(*) as n from ${sql.table(table_name)} t where t::text ilike ${`%${text}%`}`.execute(stack.db)
      expect({ table: table_name, rows: Number(found.rows[0]!.n) }).toEqual({ table: table_name, rows: 0 })
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
    const answer = (await deliver('customers/data_request', request)).json() as { outcome: string }
    expect(answer.outcome).toMatch(/^data-request-ready:/)
    const customerId = answer.outcome.slice('data-request-ready:'.length)
    expect(customerId).toBe(fixtureIds.customer)
    const exported = await stack.app.inject({
      method: 'GET',
      url: `/v1/admin/stores/${storeId}/customers/export?customerId=${customerId}`,
      headers: { authorization: `Bearer ${adminToken}` },
    })
    expect(exported.statusCode).toBe(200)
    const data = exported.json() as { customer: { email: string }; orders: Array<{ id: string }>; orderLines: unknown[] }
    expect(data.customer.email).toBe('ada.lovelace@example.com')
    expect(data.orders.map((order) => order.id)).toEqual([fixtureIds.order])
    expect(data.orderLines.length).toBeGreaterThan(0)
    const unknown = await stack.app.inject({
      method: 'GET',
      url: `/v1/admin/stores/${storeId}/customers/export?email=nobody@example.com`,
      headers: { authorization: `Bearer ${adminToken}` },
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('erases the customer on customers/redact and ends their journey', async () => {
    const response = await deliver('customers/redact', shopifyFixture('customers-redact'))
    expect(response.json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    await expectNoRowMentioning('lovelace')
    const last = await stack.db.selectFrom('dispatches').select(['kind', 'workflow_id']).orderBy('id', 'desc').executeTakeFirstOrThrow()
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

    const redact = shopifyFixture('customers-redact', { ...guest, '"id": 9223372036854770042': '"id": null' })
    expect((await deliver('customers/redact', redact)).json()).toEqual({ duplicate: false, outcome: 'customer-redacted' })
    await expectNoRowMentioning('curie')
    await drainAll()
    expect((await signalsOf(`journey:${storeId}:${customerId}`)).at(-1)).toBe('customerRedacted')
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
    await expectNoRowMentioning('noether')
  })

  it('acknowledges a topic it does not take in', async () => {
    expect((await deliver('carts/update', '{"id": 1}')).json()).toEqual({ duplicate: false, outcome: 'ignored-topic' })
  })
})
