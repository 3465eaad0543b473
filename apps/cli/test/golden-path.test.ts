import { randomBytes } from 'node:crypto'
import { buildServer } from '@crosswise/api'
import { ApiKeyCipher, createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { catalogueSyncId } from '@crosswise/domain'
import { KlaviyoPacer } from '@crosswise/klaviyo'
import { checkShopifyAccess } from '@crosswise/shopify'
import {
  createTestDatabase,
  startFakeKlaviyo,
  startFakeShopify,
  temporalAddress,
  uniqueId,
  type FakeKlaviyo,
  type FakeShopify,
} from '@crosswise/testing'
import { mineStorePairings } from '@crosswise/mining'
import { createActivities, createJourneyWorker, Dispatcher } from '@crosswise/engine'
import { Client, Connection } from '@temporalio/client'
import { NativeConnection, type Worker } from '@temporalio/worker'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoDataFile } from '../src/demo/run-demo.ts'
import { importRecordedHistory } from '../src/replay/import-recorded-history.ts'
import { waitForJourneysToEnd } from '../src/replay/journeys-end.ts'
import { recordedCatalogue } from '../src/replay/recorded-catalogue.ts'
import { readRecordedOrders, splitAt, type RecordedOrder } from '../src/replay/recorded-orders.ts'
import { planReplay } from '../src/replay/replay-plan.ts'
import { replayReport } from '../src/replay/replay-report.ts'
import { sendReplay } from '../src/replay/send-replay.ts'
import { replayEmail, withShopifyProductIds } from '../src/replay/shopify-ids.ts'
import { testAdminToken } from './test-stack.ts'

// The product's main path on real data: a few hundred customers of the shipped Online Retail orders
// arrive as signed Shopify webhooks (redeliveries, forgeries, fulfilments first, ids above 2^53) at
// a store whose catalogue comes from (a fake) Shopify and whose history is imported and mined; real
// journeys with short delays send through the real Klaviyo SDK to a fake Klaviyo.

const klaviyoKey = `pk_${randomBytes(17).toString('hex')}`
const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))
const secret = `shpss_${randomBytes(16).toString('hex')}`
const delayMs = 2_000
const policy = {
  delayMs: { 'first-time': delayMs, repeat: delayMs, vip: delayMs },
  sendWindow: { startHour: 0, endHour: 24 },
  fulfillment: { timeoutMs: 20_000, onTimeout: 'end' },
  frequencyCap: { maxEmails: 10, windowMs: 60_000, minGapMs: 1_000 },
  engagement: { waitMs: 3_000, followUpDelayMs: 1_000, onNotOpened: 'end', pollIntervalMs: 1_000 },
  maxEmailsPerJourney: 1,
}

describe('golden path: real orders as Shopify webhooks → journeys → Klaviyo', () => {
  const storeId = uniqueId('golden')
  const shopDomain = `${storeId}.myshopify.com`
  let db: Db
  let klaviyo: FakeKlaviyo
  let shopify: FakeShopify
  let api: Awaited<ReturnType<typeof buildServer>>
  let apiUrl: string
  let connection: Connection
  let client: Client
  let nativeConnection: NativeConnection
  let worker: Worker
  let running: Promise<void>
  let dispatcher: Dispatcher
  let past: RecordedOrder[]
  let replayed: RecordedOrder[]
  let all: RecordedOrder[]

  beforeAll(async () => {
    all = withShopifyProductIds(await readRecordedOrders(demoDataFile()))
    ;({ past, replayed } = splitAt(all, Date.parse('2011-11-01T00:00:00Z'), 250))
    db = createDatabase(await createTestDatabase('golden_path'))
    await migrateToLatest(db)
    klaviyo = await startFakeKlaviyo({ apiKeys: [klaviyoKey] })
    // The store's Klaviyo account knows its shoppers (Shopify feeds it) and has sent email before.
    for (const customerId of new Set(replayed.map((order) => order.customerId)))
      klaviyo.state.updateEmailMarketing({ email: replayEmail(customerId) }, { consent: 'SUBSCRIBED' })
    klaviyo.state.recordEngagement({ profile: { email: 'earlier-customer@example.com' }, kind: 'opened' })
    // A shop on Shopify's largest plan: its cost bucket lets some 3,700 products through in under a minute.
    shopify = await startFakeShopify({
      shopDomain,
      accessToken: `shpat_${randomBytes(16).toString('hex')}`,
      currencyCode: 'GBP',
      products: fakeShopifyProducts(all),
      bucket: { maximumAvailable: 20_000, restoreRate: 2_000 },
    })

    connection = await Connection.connect({ address: temporalAddress() })
    client = new Client({ connection })
    const taskQueue = uniqueId('golden')
    api = await buildServer({
      db,
      logger: pino({ level: 'silent' }),
      bodyLimit: 1_048_576,
      adminToken: testAdminToken,
      apiKeyCipher: cipher,
      checkShopifyAccess: (access) => checkShopifyAccess({ ...access, baseUrl: shopify.url, timeoutMs: 5_000 }),
      temporal: client,
      taskQueue,
    })
    apiUrl = await api.listen({ host: '127.0.0.1', port: 0 })
    nativeConnection = await NativeConnection.connect({ address: temporalAddress() })
    worker = await createJourneyWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      activities: createActivities({
        db,
        klaviyo: { cipher, defaultApiKey: klaviyoKey, connection: { basePath: klaviyo.url, timeoutMs: 10_000, pacer: new KlaviyoPacer() } },
        catalogue: { cipher, shopifyBaseUrl: shopify.url },
      }),
    })
    running = worker.run()
    dispatcher = new Dispatcher({
      db,
      client,
      taskQueue,
      logger: pino({ level: 'silent' }),
      batchSize: 100,
      idleMs: 50,
      callTimeoutMs: 10_000,
    })
    dispatcher.start()
  }, 300_000)

  afterAll(async () => {
    await dispatcher?.stop()
    worker?.shutdown()
    await running
    await nativeConnection?.close()
    await connection?.close()
    await api?.close()
    await klaviyo?.close()
    await shopify?.close()
    await db?.destroy()
  })

  it(
    'emails at least 90 % of the fulfilled, not held-out customers: never an owned product, never too soon, one Klaviyo event each',
    { timeout: 600_000 },
    async () => {
      const created = await fetch(`${apiUrl}/v1/admin/stores`, {
        method: 'POST',
        headers: { authorization: `Bearer ${testAdminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: storeId,
          name: 'Golden gifts',
          currency: 'GBP',
          timeZone: 'Europe/London',
          shopify: { domain: shopDomain, webhookSecret: secret },
          policy,
        }),
      })
      expect(created.status).toBe(201)
      await connectCatalogue()
      expect(await importRecordedHistory(db, storeId, past, 'GBP')).toBe(past.length)
      expect(await mineStorePairings(db, storeId)).toMatchObject({ status: 'mined' })

      const plan = planReplay(replayed, { currency: 'GBP', seed: 42 })
      const answers = await sendReplay(plan, { apiUrl, shopDomain, secret, secondsPerDay: 0, concurrency: 8 })
      const good = plan.deliveries.filter((delivery) => delivery.kind === 'good').length
      expect(answers).toMatchObject({ accepted: good, failed: 0, duplicatesTaken: 0, forgeriesTaken: 0 })
      expect(answers.recognised).toBeGreaterThan(0)
      expect(answers.refused).toBeGreaterThan(0)

      // Every order stored once, its id exact, ids above 2^53 included.
      const stored = await db.selectFrom('orders').select('id').where('store_id', '=', storeId).where('source', '=', 'shopify').execute()
      expect(stored.map((row) => row.id).sort()).toEqual([...plan.shopifyIds.values()].sort())
      expect(stored.some((row) => BigInt(row.id) > 2n ** 53n)).toBe(true)

      // Journeys end within the fulfilment timeout, the delay and the engagement wait of their last order.
      const customers = [...new Set(replayed.map((order) => order.customerId))]
      expect(await waitForJourneysToEnd(db, client, storeId, customers, 420_000)).toEqual({ open: [], pending: 0 })
      const fulfilled = new Set([...plan.fulfilled].map((orderId) => plan.shopifyIds.get(orderId)!))
      const report = await replayReport(db, storeId, replayed, fulfilled)
      expect(report.eligible).toBeGreaterThan(150)
      expect(report.emailed / report.eligible).toBeGreaterThanOrEqual(0.9)
      expect(report.ownedRecommended).toBe(0)
      expect(report.sentTooSoon).toBe(0)
      expect(report.sources.mined).toBeGreaterThan(0)

      // One Klaviyo event per send: the ledger's sends and Klaviyo's recommendation events match one to one.
      const sent = await db
        .selectFrom('journey_sends')
        .select('send_key')
        .where('store_id', '=', storeId)
        .where('status', '=', 'sent')
        .execute()
      const events = klaviyo.state.events.filter(
        (event) => event.metricName === 'Crosswise Recommendation' && event.uniqueId?.startsWith(`${storeId}:`),
      )
      expect(events.map((event) => event.uniqueId).sort()).toEqual(sent.map((row) => row.send_key).sort())
      expect(klaviyo.specViolations).toEqual([])
    },
  )

  /** Connects the store's Shopify Admin API through the admin API; the sync it starts fills the catalogue. */
  async function connectCatalogue(): Promise<void> {
    const connected = await fetch(`${apiUrl}/v1/admin/stores/${storeId}/shopify`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${testAdminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ shopDomain, accessToken: shopify.accessToken }),
    })
    expect([connected.status, await connected.text()]).toEqual([200, expect.any(String)])
    const outcome = await client.workflow.getHandle(catalogueSyncId(storeId)).result()
    const listed = recordedCatalogue(all)
    expect(outcome).toMatchObject({ status: 'synced', products: listed.length, upserted: listed.length })
    expect(shopify.requests.filter((request) => request.throttled)).toEqual([])
  }
})

/** The shop's catalogue as Shopify lists it: every product the data sold, a few out of stock. */
function fakeShopifyProducts(orders: readonly RecordedOrder[]) {
  return recordedCatalogue(orders).map((product) => ({
    id: product.productId,
    title: product.title,
    handle: product.handle,
    variants: [{ price: product.price, inventoryQuantity: product.available ? 25 : 0 }],
  }))
}
