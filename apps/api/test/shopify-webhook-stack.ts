import { countDispatches, createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase, temporalAddress, uniqueId } from '@crosswise/testing'
import { Dispatcher } from '@crosswise/engine'
import { Client, Connection } from '@temporalio/client'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, expect } from 'vitest'
import { buildServer } from '../src/server.ts'
import { fixtureIds, shopifyHeaders, type DeliveryOptions } from './shopify-fixtures.ts'

const logger = pino({ level: 'silent' })
export const adminToken = 'admin-token-for-tests'
export const webhookSecret = 'shpss_0123456789abcdef0123456789abcdef'

type CountedTable = 'orders' | 'dispatches' | 'webhook_deliveries' | 'fulfillments' | 'refunds' | 'products'

/**
 * A Shopify-connected store behind the real API, in a database of its own, with a dispatcher that
 * starts journeys on the Temporal dev server. No journey worker runs: a started journey is an open
 * execution holding the signals it was sent. Registers its own `beforeAll`/`afterAll`.
 */
export function shopifyWebhookStack(databaseName: string) {
  const storeId = uniqueId('brewline')
  const shop = `${storeId}.myshopify.com`
  let connection: Connection | undefined
  const stack = {
    storeId,
    shop,
    journeyId: `journey:${storeId}:${fixtureIds.customer}`,
    db: undefined as unknown as Db,
    app: undefined as unknown as FastifyInstance,
    client: undefined as unknown as Client,
    dispatcher: undefined as unknown as Dispatcher,

    deliver: (topic: string, body: string, options: Partial<DeliveryOptions> = {}) =>
      stack.app.inject({
        method: 'POST',
        url: '/webhooks/shopify',
        headers: shopifyHeaders(body, { topic, shop, secret: webhookSecret, ...options }),
        body,
      }),
    count: async (table: CountedTable) =>
      Number((await stack.db.selectFrom(table).select(stack.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    counts: async () => ({
      orders: await stack.count('orders'),
      dispatches: await stack.count('dispatches'),
      deliveries: await stack.count('webhook_deliveries'),
      fulfillments: await stack.count('fulfillments'),
    }),
    signalsOf: async (workflowId: string) => {
      const history = await stack.client.workflow.getHandle(workflowId).fetchHistory()
      return (history.events ?? []).flatMap((event) => {
        const name = event.workflowExecutionSignaledEventAttributes?.signalName
        return name ? [name] : []
      })
    },
    // One drain delivers at most one dispatch per journey (they go in order): drain until none is left.
    drainAll: async () => {
      while ((await countDispatches(stack.db)).pending > 0) await stack.dispatcher.drainOnce()
    },
  }

  beforeAll(async () => {
    // Pipelined, with prepared statements, as the API's own pool (src/main.ts).
    stack.db = createDatabase(await createTestDatabase(databaseName), { pipeline: true, preparedStatements: 200 })
    await migrateToLatest(stack.db)
    stack.app = await buildServer({ db: stack.db, logger, bodyLimit: 64 * 1024, adminToken })
    const created = await stack.app.inject({
      method: 'POST',
      url: '/v1/admin/stores',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { id: storeId, name: 'Brewline', currency: 'EUR', shopify: { domain: shop, webhookSecret } },
    })
    expect(created.statusCode).toBe(201)
    connection = await Connection.connect({ address: temporalAddress() })
    stack.client = new Client({ connection })
    stack.dispatcher = new Dispatcher({
      db: stack.db,
      client: stack.client,
      taskQueue: uniqueId('ingest'),
      logger,
      batchSize: 50,
      idleMs: 50,
      callTimeoutMs: 5_000,
    })
  })
  afterAll(async () => {
    await stack.app?.close()
    await connection?.close()
    await stack.db?.destroy()
  })
  return stack
}
