import { buildServer } from '@crosswise/api'
import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase, uniqueId } from '@crosswise/testing'
import { createActivities, createJourneyWorker, Dispatcher } from '@crosswise/engine'
import { Client, Connection } from '@temporalio/client'
import { NativeConnection, type Worker } from '@temporalio/worker'
import { pino } from 'pino'

/** The API, a journey worker and the dispatcher, wired as `crosswise dev` wires them, in this process. */
export interface TestStack {
  db: Db
  apiUrl: string
  client: Client
  dispatcher: Dispatcher
  taskQueue: string
  /** Starts the journey worker (not started by default, so a test can keep Temporal "away"). */
  startWorker(): Promise<void>
  stop(): Promise<void>
}

const logger = pino({ level: 'silent' })
/** The admin token of the stack's API; a `crosswise dev` under test needs it as CROSSWISE_ADMIN_TOKEN. */
export const testAdminToken = 'test-stack-admin-token'
/** API tokens of the stores `postOrder` created, by API address and store. */
const storeTokens = new Map<string, string>()

export async function startTestStack(temporalAddress: string): Promise<TestStack> {
  const db = createDatabase(await createTestDatabase('stack'))
  await migrateToLatest(db)
  // Lazy: the dispatcher must come up even while Temporal is unreachable.
  const connection = Connection.lazy({ address: temporalAddress })
  const client = new Client({ connection })
  const api = await buildServer({ db, logger, bodyLimit: 1_048_576, adminToken: testAdminToken, temporal: client })
  const address = await api.listen({ host: '127.0.0.1', port: 0 })
  const taskQueue = uniqueId('journeys')
  const dispatcher = new Dispatcher({ db, client, taskQueue, logger, batchSize: 50, idleMs: 50, callTimeoutMs: 2_000 })
  let worker: Worker | undefined
  let running: Promise<void> | undefined
  let nativeConnection: NativeConnection | undefined
  return {
    db,
    apiUrl: address,
    client,
    dispatcher,
    taskQueue,
    async startWorker() {
      nativeConnection = await NativeConnection.connect({ address: temporalAddress })
      worker = await createJourneyWorker({
        connection: nativeConnection,
        namespace: 'default',
        taskQueue,
        activities: createActivities({ db }),
      })
      running = worker.run()
    },
    async stop() {
      await dispatcher.stop()
      worker?.shutdown()
      await running
      await nativeConnection?.close()
      await connection.close()
      await api.close()
      await db.destroy()
    },
  }
}

/** A valid order body for `POST /v1/stores/{store}/orders`. */
export function orderBody(orderId: string, email: string, productIds: string[] = ['p1']) {
  return {
    orderId,
    customer: { email },
    currency: 'EUR',
    placedAt: '2026-11-20T10:00:00Z',
    lineItems: productIds.map((productId) => ({ productId, title: `Product ${productId}`, quantity: 1, unitPrice: '12.50' })),
  }
}

/** Creates a store through the admin API, with extra settings (a journey policy, say). */
export async function createTestStore(apiUrl: string, storeId: string, settings: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/admin/stores`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${testAdminToken}` },
    body: JSON.stringify({ id: storeId, name: storeId, currency: 'EUR', ...settings }),
  })
  if (response.status !== 201) throw new Error(`creating store ${storeId} failed: ${response.status} ${await response.text()}`)
  const { apiToken } = (await response.json()) as { apiToken: string }
  storeTokens.set(`${apiUrl} ${storeId}`, apiToken)
  return apiToken
}

/** The store's API token, creating the store through the admin API on first use. */
async function storeToken(apiUrl: string, storeId: string): Promise<string> {
  return storeTokens.get(`${apiUrl} ${storeId}`) ?? createTestStore(apiUrl, storeId)
}

/** A JSON request to a store's own API (`/v1/stores/{storeId}/{path}`) with its token. */
export async function storeRequest(apiUrl: string, storeId: string, path: string, body: unknown): Promise<Response> {
  const token = await storeToken(apiUrl, storeId)
  return fetch(`${apiUrl}/v1/stores/${storeId}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
}

/** A request to the admin API with the stack's admin token. */
export async function adminRequest(apiUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  return fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${testAdminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  })
}

export async function postOrder(apiUrl: string, storeId: string, body: unknown): Promise<Response> {
  return storeRequest(apiUrl, storeId, 'orders', body)
}

/** The result of a journey the dispatcher starts asynchronously: waits for it to exist first. */
export async function journeyResult(client: Client, journeyId: string): Promise<unknown> {
  await eventually(async () => {
    try {
      await client.workflow.getHandle(journeyId).describe()
      return true
    } catch {
      return false
    }
  })
  return client.workflow.getHandle(journeyId).result()
}

/** Polls `check` until it returns true or `timeoutMs` passes; a timeout says what `context` tells. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000, context?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${context ? `\n${context()}` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
