import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '@crosswise/config'
import { countDispatches, createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { journeySearchAttributes } from '@crosswise/domain'
import { freePort, startTemporalDevServer, temporalCliPath, type TemporalDevServer } from '@crosswise/local-stack'
import { createTestDatabase, uniqueId } from '@crosswise/testing'
import { Dispatcher } from '@crosswise/engine'
import { Client, Connection, defaultPayloadConverter } from '@temporalio/client'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { sendWebhooks } from '../bench/send-webhooks.ts'
import { planWebhooks } from '../bench/webhook-plan.ts'
import { buildServer } from '../src/server.ts'

const logger = pino({ level: 'silent' })
const secret = 'shpss_load_0123456789abcdef0123456789'
const shop = 'load.myshopify.com'

describe('ingest under load, with Temporal stopped for part of the run', () => {
  const cleanups: Array<() => Promise<unknown>> = []
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  it(
    'turns 20,000 mixed deliveries into exactly one effect and one dispatch per good delivery, all delivered',
    { timeout: 900_000 },
    async () => {
      const scratch = await mkdtemp(join(tmpdir(), 'crosswise-load-'))
      cleanups.push(() => rm(scratch, { recursive: true, force: true }))
      const port = await freePort()
      const startTemporal = () =>
        startTemporalDevServer({
          binary: temporalCliPath(loadConfig().toolsDir),
          port,
          dbFile: join(scratch, 'temporal.sqlite'),
          searchAttributes: journeySearchAttributes,
        })
      let temporal: TemporalDevServer | undefined = await startTemporal()
      cleanups.push(async () => temporal?.stop())

      const db: Db = createDatabase(await createTestDatabase('api_load'), { maxConnections: 20, pipeline: true, preparedStatements: 200 })
      cleanups.push(() => db.destroy())
      await migrateToLatest(db)
      const app: FastifyInstance = await buildServer({ db, logger, bodyLimit: 1_048_576, adminToken: 'load-admin' })
      cleanups.push(() => app.close())
      const created = await app.inject({
        method: 'POST',
        url: '/v1/admin/stores',
        headers: { authorization: 'Bearer load-admin' },
        payload: { id: 'load', name: 'Load', currency: 'EUR', shopify: { domain: shop, webhookSecret: secret } },
      })
      expect(created.statusCode).toBe(201)
      const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 })

      // Lazy: the dispatcher keeps running while Temporal is away and reconnects when it is back.
      const connection = Connection.lazy({ address: `127.0.0.1:${port}` })
      cleanups.push(() => connection.close())
      const client = new Client({ connection })
      const dispatcher = new Dispatcher({
        db,
        client,
        taskQueue: uniqueId('load'),
        logger,
        batchSize: 200,
        idleMs: 50,
        callTimeoutMs: 2_000,
      })
      dispatcher.start()
      cleanups.push(() => dispatcher.stop())

      // CROSSWISE_LOAD_WEBHOOKS shrinks the run for a quick local check; the default is the acceptance size.
      const total = Number(process.env.CROSSWISE_LOAD_WEBHOOKS ?? 20_000)
      const started = Date.now()
      const plan = planWebhooks(total, secret)
      let outage: Promise<unknown> = Promise.resolve()
      const { results } = await sendWebhooks(apiUrl, shop, plan.deliveries, {
        concurrency: 32,
        onAnswered: (answered) => {
          if (answered === Math.round(total * 0.3)) outage = temporal!.stop().then(() => (temporal = undefined))
          if (answered === Math.round(total * 0.6)) outage = outage.then(async () => (temporal = await startTemporal()))
        },
      })
      await outage
      const sentAfter = Date.now() - started
      const failedWhileAway = await sql<{ n: string }>`select count(*) as n from dispatches where attempts > 0`.execute(db)

      // Every delivery was answered as it should be: forged ones 401, and exactly one delivery of each
      // event (the first to claim it, not necessarily the first sent) recorded it.
      expect(results.filter((result) => ![200, 401].includes(result.status))).toEqual([])
      const forged = plan.deliveries.flatMap((delivery, index) => (delivery.kind === 'forged' ? [results[index]!.status] : []))
      expect(new Set(forged)).toEqual(new Set([401]))
      const firsts = new Map<string, number>()
      for (const [index, delivery] of plan.deliveries.entries()) {
        if (delivery.kind === 'forged') continue
        if (results[index]!.duplicate === false) firsts.set(delivery.eventId, (firsts.get(delivery.eventId) ?? 0) + 1)
      }
      expect(firsts.size).toBe(plan.expected.deliveries)
      expect([...firsts.values()].every((count) => count === 1)).toBe(true)

      const count = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(db)).rows[0]!.n)
      expect({
        orders: await count(sql`select count(*) as n from orders`),
        fulfillments: await count(sql`select count(*) as n from fulfillments`),
        refunds: await count(sql`select count(*) as n from refunds`),
        cancellations: await count(sql`select count(*) as n from orders where cancelled_at is not null`),
        products: await count(sql`select count(*) as n from products`),
        redactions: await count(sql`select count(*) as n from customers where redacted_at is not null`),
        deliveries: await count(sql`select count(*) as n from webhook_deliveries`),
      }).toEqual({ ...plan.expected, dispatches: undefined, deliveries: plan.expected.deliveries })
      const kinds = await sql<{ kind: string; n: string }>`select kind, count(*) as n from dispatches group by kind`.execute(db)
      expect(Object.fromEntries(kinds.rows.map((row) => [row.kind, Number(row.n)]))).toEqual(plan.expected.dispatches)

      // None lost: the dispatcher delivers everything once Temporal is back.
      const deadline = Date.now() + 150_000
      while ((await countDispatches(db)).pending > 0) {
        if (Date.now() > deadline) throw new Error(`dispatches still pending: ${JSON.stringify(await countDispatches(db))}`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      console.log(
        `load: ${total} deliveries answered in ${sentAfter / 1000} s, all dispatches delivered after ${(Date.now() - started) / 1000} s`,
      )
      expect(Number(failedWhileAway.rows[0]!.n)).toBeGreaterThan(0)

      // Each redacted customer's journey waits for the eraser; their dispatches name no one.
      expect(await count(sql`select count(*) as n from journey_erasures`)).toBe(plan.expected.redactions)
      // On Temporal, each journey heard its events once each, in the order they were recorded (a
      // signal retried after a lost answer may repeat; the journey ignores a repeated event key).
      const journeys = await sql<{ workflow_id: string; keys: string[] }>`
      select workflow_id, array_agg(event_key order by id) as keys from dispatches where customer_id not like 'redacted:%'
      group by workflow_id order by md5(workflow_id) limit 40`.execute(db)
      for (const journey of journeys.rows) {
        const history = await client.workflow.getHandle(journey.workflow_id).fetchHistory()
        const heard: string[] = []
        for (const event of history.events ?? []) {
          const payload = event.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0]
          if (!payload) continue
          const { eventKey } = defaultPayloadConverter.fromPayload<{ eventKey: string }>(payload)
          if (!heard.includes(eventKey)) heard.push(eventKey)
        }
        expect({ journey: journey.workflow_id, heard }).toEqual({ journey: journey.workflow_id, heard: journey.keys })
      }
    },
  )
})
