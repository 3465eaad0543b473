import { journeySearchAttributes } from '@crosswise/domain'
import { countDispatches, guestCustomerIdIn, listOutboxEvents } from '@crosswise/db'
import { freePort, startTemporalDevServer, temporalCliPath, type TemporalDevServer } from '@crosswise/local-stack'
import { loadConfig } from '@crosswise/config'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { givenCatalogue, quickPolicy } from './journey-fixtures.ts'
import { createTestStore, eventually, orderBody, postOrder, startTestStack, type TestStack } from './test-stack.ts'

describe('orders accepted while Temporal is unreachable', () => {
  let stack: TestStack | undefined
  let temporal: TemporalDevServer | undefined
  afterAll(async () => {
    await stack?.stop()
    await temporal?.stop()
  })

  it('wait in PostgreSQL and reach their journeys once Temporal is back, each exactly once', async () => {
    const port = await freePort()
    stack = await startTestStack(`127.0.0.1:${port}`)
    // Journeys that do not wait for fulfilment: each order ends in exactly one dry-run email.
    await createTestStore(stack.apiUrl, 'outage', { policy: quickPolicy({ fulfillment: { timeoutMs: 0, onTimeout: 'proceed' } }) })
    await givenCatalogue(stack.apiUrl, stack.db, 'outage')
    const customers = Array.from({ length: 12 }, (_, index) => `outage-${index}@example.com`)
    for (const [index, email] of customers.entries()) {
      const response = await postOrder(stack.apiUrl, 'outage', orderBody(String(5000 + index), email))
      expect(response.status).toBe(202)
    }

    // Temporal is down: a drain fails every delivery and loses nothing.
    const delivered = await stack.dispatcher.drainOnce()
    expect(delivered).toBe(0)
    expect(await countDispatches(stack.db)).toEqual({ pending: customers.length, done: 0 })
    const failed = await sql<{ n: string }>`select count(*) as n from dispatches where attempts > 0 and last_error is not null`.execute(
      stack.db,
    )
    expect(Number(failed.rows[0]?.n)).toBe(customers.length)

    temporal = await startTemporalDevServer({
      binary: temporalCliPath(loadConfig().toolsDir),
      port,
      searchAttributes: journeySearchAttributes,
    })
    await stack.startWorker()
    stack.dispatcher.start()
    await eventually(async () => (await countDispatches(stack!.db)).pending === 0, 60_000)

    for (const [index, email] of customers.entries()) {
      const journeyId = `journey:outage:${await guestCustomerIdIn(stack!.db, 'outage', email)}`
      expect(await stack.client.workflow.getHandle(journeyId).result()).toMatchObject({
        reason: 'not-opened',
        triggerOrderId: String(5000 + index),
        emailsSent: 1,
      })
    }
    const outbox = await listOutboxEvents(stack.db, 'outage')
    expect(outbox.map((event) => event.uniqueId).sort()).toEqual(customers.map((_, index) => `outage:${5000 + index}:email-1`).sort())
    expect(await countDispatches(stack.db)).toEqual({ pending: 0, done: customers.length })
  })
})
