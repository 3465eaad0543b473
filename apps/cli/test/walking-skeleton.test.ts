import { countDispatches, guestCustomerIdIn, listOutboxEvents, listSends } from '@crosswise/db'
import { temporalAddress, uniqueId } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { givenCatalogue, quickPolicy } from './journey-fixtures.ts'
import {
  adminRequest,
  createTestStore,
  eventually,
  journeyResult,
  orderBody,
  postOrder,
  startTestStack,
  storeRequest,
  type TestStack,
} from './test-stack.ts'

describe('walking skeleton: order over HTTP → dispatcher → journey on Temporal', () => {
  let stack: TestStack
  beforeAll(async () => {
    stack = await startTestStack(temporalAddress())
    await stack.startWorker()
    stack.dispatcher.start()
  })
  afterAll(async () => stack?.stop())

  it('answers 202 at once; the journey waits for fulfilment, emails the pairing and converts on a purchase recorded by hand', async () => {
    const store = uniqueId('store')
    // Engagement is read every second for a minute, so the test can record a purchase in between.
    await createTestStore(stack.apiUrl, store, { policy: quickPolicy({ engagement: { waitMs: 60_000, pollIntervalMs: 1_000 } }) })
    await givenCatalogue(stack.apiUrl, stack.db, store)
    const response = await postOrder(stack.apiUrl, store, orderBody('1001', 'Ada@Example.com'))
    expect(response.status).toBe(202)
    const accepted = (await response.json()) as { journeyId: string; customerId: string; duplicate: boolean }
    expect(accepted).toMatchObject({
      journeyId: `journey:${store}:${await guestCustomerIdIn(stack.db, store, 'ada@example.com')}`,
      duplicate: false,
    })

    const journeyPath = `/v1/admin/stores/${store}/journeys/${encodeURIComponent(accepted.customerId)}`
    // The journey takes in its order asynchronously (after loading the customer): it then waits.
    const stage = async () => {
      const response = await adminRequest(stack.apiUrl, 'GET', journeyPath)
      return response.status === 200 ? ((await response.json()) as { state: { stage: string } }).state.stage : undefined
    }
    await eventually(async () => (await stage()) === 'waiting-for-fulfilment')
    expect(await listSends(stack.db, store)).toEqual([])

    const fulfilled = await storeRequest(stack.apiUrl, store, 'fulfillments', {
      fulfillmentId: 'f1',
      orderId: '1001',
      fulfilledAt: new Date().toISOString(),
      complete: true,
    })
    expect(fulfilled.status).toBeLessThan(300)
    await eventually(async () => (await listSends(stack.db, store)).some((send) => send.status === 'sent'))
    const sendKey = `${store}:1001:email-1`
    const engagement = await adminRequest(
      stack.apiUrl,
      'POST',
      `/v1/admin/stores/${store}/sends/${encodeURIComponent(sendKey)}/engagement`,
      { kind: 'purchased' },
    )
    expect(engagement.status).toBe(201)

    expect(await journeyResult(stack.client, accepted.journeyId)).toEqual({
      reason: 'converted',
      triggerOrderId: '1001',
      emailsSent: 1,
      pairingIds: ['manual:p1:p2'],
    })
    const outbox = await listOutboxEvents(stack.db, store)
    expect(outbox.map((event) => event.uniqueId)).toEqual([sendKey])
    expect(outbox[0]!.event).toMatchObject({
      data: { attributes: { properties: { recommended_products: [{ product_id: 'p2', title: 'Tea' }] } } },
    })

    const description = await stack.client.workflow.getHandle(accepted.journeyId).describe()
    expect(description.status.name).toBe('COMPLETED')
    expect(description.searchAttributes).toMatchObject({
      StoreId: [store],
      JourneyStage: ['ended'],
      EmailsSent: [1],
      PairingId: ['manual:p1:p2'],
    })
  })

  it('stops a journey through the admin API (unsubscribe) and says so when it has ended', async () => {
    const store = uniqueId('store')
    await createTestStore(stack.apiUrl, store, { policy: quickPolicy() })
    const response = await postOrder(stack.apiUrl, store, orderBody('3001', 'cy@example.com'))
    const { journeyId, customerId } = (await response.json()) as { journeyId: string; customerId: string }
    const journeyPath = `/v1/admin/stores/${store}/journeys/${encodeURIComponent(customerId)}`
    expect((await adminRequest(stack.apiUrl, 'GET', `/v1/admin/stores/${store}/journeys/nobody`)).status).toBe(404)
    await eventually(async () => (await adminRequest(stack.apiUrl, 'GET', journeyPath)).status === 200)

    const stopped = await adminRequest(stack.apiUrl, 'POST', `${journeyPath}/stop`, { reason: 'unsubscribed' })
    expect(stopped.status).toBe(200)
    expect(await journeyResult(stack.client, journeyId)).toMatchObject({ reason: 'stopped', emailsSent: 0 })
    expect((await adminRequest(stack.apiUrl, 'POST', `${journeyPath}/stop`, {})).status).toBe(409)
    const ended = (await (await adminRequest(stack.apiUrl, 'GET', journeyPath)).json()) as { status: string; state: { outcome: string } }
    expect(ended).toMatchObject({ status: 'COMPLETED', state: { outcome: 'stopped' } })
  })

  it('records a repeated order once and starts no second journey run', async () => {
    const store = uniqueId('store')
    await createTestStore(stack.apiUrl, store, { policy: quickPolicy({ fulfillment: { timeoutMs: 0, onTimeout: 'end' } }) })
    const first = await postOrder(stack.apiUrl, store, orderBody('2001', 'bo@example.com'))
    const again = await postOrder(stack.apiUrl, store, orderBody('2001', 'bo@example.com'))
    expect(first.status).toBe(202)
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true)
    const journeyId = `journey:${store}:${await guestCustomerIdIn(stack.db, store, 'bo@example.com')}`
    expect(await journeyResult(stack.client, journeyId)).toMatchObject({ reason: 'never-fulfilled', triggerOrderId: '2001' })
    await eventually(async () => (await countDispatches(stack.db)).pending === 0)
    const runs = []
    for await (const run of stack.client.workflow.list({ query: `WorkflowId = '${journeyId}'` })) runs.push(run)
    expect(runs).toHaveLength(1)
  })
})
