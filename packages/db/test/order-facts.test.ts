import { orderSchema, type OrderInput } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, ensureStore, migrateToLatest, recordFulfillment, recordOrder, recordRefund, type Db } from '../src/index.ts'

const store = 'facts'
const at = (day: number) => new Date(Date.UTC(2026, 10, day))
const order = (orderId: string, overrides: Partial<OrderInput> = {}) =>
  orderSchema.parse({
    orderId,
    customer: { id: `c-${orderId}`, email: `${orderId}@example.com` },
    currency: 'EUR',
    placedAt: '2026-11-20T10:00:00Z',
    lineItems: [
      { productId: 'a', title: 'Kettle', quantity: 2, unitPrice: '10.00' },
      { productId: 'b', title: 'Mug', quantity: 1, unitPrice: '10.00' },
    ],
    ...overrides,
  })

// The rules that decide a fulfilment's `complete` and a refund's `full` live in the functions that
// record them (migration 0022); these are their cases, read back from the dispatches they enqueue.
describe('recording an order’s facts', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('order_facts'))
    await migrateToLatest(db)
    await ensureStore(db, store, { name: 'Facts', currency: 'EUR' })
  })
  afterAll(async () => db?.destroy())

  const announced = async (orderId: string, kind: 'orderFulfilled' | 'orderRefunded') => {
    const rows = await db
      .selectFrom('dispatches')
      .select(['payload', 'workflow_id'])
      .where('kind', '=', kind)
      .where((eb) => eb(eb.ref('payload', '->>').key('orderId'), '=', orderId))
      .orderBy('id')
      .execute()
    return rows.map((row): Record<string, unknown> => ({ ...(row.payload as object), workflowId: row.workflow_id }))
  }
  const completes = async (orderId: string) => (await announced(orderId, 'orderFulfilled')).map((payload) => payload['complete'])
  const fulfil = (fulfillmentId: string, orderId: string, day: number, extra: object) =>
    recordFulfillment(db, store, { fulfillmentId, orderId, fulfilledAt: at(day), ...extra })

  it('completes an order once every quantity has shipped, across fulfilments', async () => {
    await recordOrder(db, store, order('o1'))
    await fulfil('f1', 'o1', 21, { lineItems: [{ productId: 'a', quantity: 2 }] })
    await fulfil('f2', 'o1', 22, { lineItems: [{ productId: 'b', quantity: 1 }] })
    expect(await completes('o1')).toEqual([false, true])
    expect(await announced('o1', 'orderFulfilled')).toEqual([
      { orderId: 'o1', fulfilledAt: '2026-11-21T00:00:00.000Z', complete: false, workflowId: `journey:${store}:c-o1` },
      { orderId: 'o1', fulfilledAt: '2026-11-22T00:00:00.000Z', complete: true, workflowId: `journey:${store}:c-o1` },
    ])
  })

  it('leaves an order incomplete while a quantity is short', async () => {
    await recordOrder(db, store, order('o2'))
    await fulfil('f3', 'o2', 21, {
      lineItems: [
        { productId: 'a', quantity: 1 },
        { productId: 'b', quantity: 1 },
      ],
    })
    expect(await completes('o2')).toEqual([false])
  })

  it('trusts a fulfilment that says it completes the order, or names no lines, also for those after it', async () => {
    await recordOrder(db, store, order('o3'))
    await fulfil('f4', 'o3', 21, { complete: true, lineItems: [{ productId: 'a', quantity: 1 }] })
    await fulfil('f5', 'o3', 22, { lineItems: [{ productId: 'a', quantity: 1 }] })
    await recordOrder(db, store, order('o4'))
    await fulfil('f6', 'o4', 21, {})
    expect(await completes('o3')).toEqual([true, true])
    expect(await completes('o4')).toEqual([true])
  })

  it('applies the same rules to fulfilments that arrived before their order, in the order received', async () => {
    await fulfil('f7', 'o5', 21, { lineItems: [{ productId: 'b', quantity: 1 }] })
    await fulfil('f8', 'o5', 22, { lineItems: [{ productId: 'a', quantity: 2 }] })
    expect(await completes('o5')).toEqual([])
    await recordOrder(db, store, order('o5'))
    expect(await completes('o5')).toEqual([false, true])
  })

  it('compares the sum of refunds with the order total exactly', async () => {
    const refund = (refundId: string, orderId: string, amount: string) =>
      recordRefund(db, store, { refundId, orderId, refundedAt: at(23), amount })
    await recordOrder(db, store, order('o6', { total: '30.00' }))
    await refund('r1', 'o6', '10.10')
    await refund('r2', 'o6', '19.90')
    await recordOrder(db, store, order('o7', { total: '30.00' }))
    await refund('r3', 'o7', '10.10')
    await refund('r4', 'o7', '19.89')
    await recordOrder(db, store, order('o8', { total: '0.3' }))
    await refund('r5', 'o8', '0.1')
    await refund('r6', 'o8', '0.2')
    const fulls = async (orderId: string) => (await announced(orderId, 'orderRefunded')).map((payload) => payload['full'])
    expect(await fulls('o6')).toEqual([false, true])
    expect(await fulls('o7')).toEqual([false, false])
    expect(await fulls('o8')).toEqual([false, true])
  })

  it('refreshes a customer’s details from a newer order and keeps what an order does not say', async () => {
    const ada = { id: 'ada', email: 'ada@example.com', firstName: 'Ada', timeZone: 'Europe/Paris', acceptsMarketing: true }
    await recordOrder(db, store, order('o9', { customer: ada }))
    await recordOrder(db, store, order('o10', { customer: { id: 'ada', email: 'ada@example.com', lastName: 'Lovelace' } }))
    await recordOrder(db, store, order('o11', { customer: { ...ada, firstName: 'Augusta', acceptsMarketing: false } }))
    const row = await db
      .selectFrom('customers')
      .select(['first_name', 'last_name', 'time_zone', 'accepts_marketing'])
      .where('store_id', '=', store)
      .where('id', '=', 'ada')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ first_name: 'Augusta', last_name: 'Lovelace', time_zone: 'Europe/Paris', accepts_marketing: false })
  })

  it('joins a guest checkout to the account with the same email, and a guest who signs up later to their account', async () => {
    const account = await recordOrder(db, store, order('o12', { customer: { id: 'bo', email: 'bo@example.com' } }))
    const guest = await recordOrder(db, store, order('o13', { customer: { email: 'bo@example.com' } }))
    expect(guest).toMatchObject({ erased: false, customerId: 'bo', workflowId: `journey:${store}:bo` })
    expect(account).toMatchObject({ customerId: 'bo' })

    const first = await recordOrder(db, store, order('o14', { customer: { email: 'cy@example.com' } }))
    const guestId = first.erased ? '' : first.customerId
    expect(guestId).toMatch(/^guest:[0-9a-f]{32}$/)
    await recordOrder(db, store, order('o15', { customer: { id: 'cy', email: 'cy@example.com' } }))
    const later = await recordOrder(db, store, order('o16', { customer: { id: 'cy', email: 'cy.new@example.com' } }))
    expect(later).toMatchObject({ customerId: guestId })
    const { rows } = await sql<{
      account_id: string
    }>`select account_id from customers where store_id = ${store} and id = ${guestId}`.execute(db)
    expect(rows).toEqual([{ account_id: 'cy' }])
  })
})
