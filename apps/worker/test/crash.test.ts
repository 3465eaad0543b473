import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { countDispatches, createDatabase, listOutboxEvents, listSends, migrateToLatest, recordOrder, type Db } from '@crosswise/db'
import { journeyWorkflowId, orderSchema } from '@crosswise/domain'
import { createTestDatabase, temporalAddress, uniqueId } from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import { bundleWorkflowCode } from '@temporalio/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workflowsPath } from '@crosswise/engine'
import { givenPairings, givenProducts, givenStore, noWaitPolicy } from './store-fixtures.ts'

const journeys = 200
const kills = 4
const workerDir = fileURLToPath(new URL('..', import.meta.url))

/**
 * The worker as production runs it (`src/main.ts`: dispatcher, activities, pre-built bundle), as a
 * child process; resolves once it logs that it started.
 */
async function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // `node --import tsx` is one process, so SIGKILL hits the worker itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: workerDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('worker started')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it started`)))
  })
  return child
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('crash: the worker process is SIGKILLed at random moments', () => {
  let db: Db
  let databaseUrl: string
  let connection: Connection
  let bundleDir: string
  let child: ChildProcess | undefined
  beforeAll(async () => {
    databaseUrl = await createTestDatabase('crash')
    db = createDatabase(databaseUrl)
    await migrateToLatest(db)
    connection = await Connection.connect({ address: temporalAddress() })
    bundleDir = await mkdtemp(join(tmpdir(), 'crosswise-crash-'))
  })
  afterAll(async () => {
    if (child && child.exitCode === null) await killHard(child)
    await connection?.close()
    await db?.destroy()
    await rm(bundleDir, { recursive: true, force: true })
  })

  it(`finishes all ${journeys} journeys with exactly one event per email, through ${kills} kills`, { timeout: 900_000 }, async () => {
    const storeId = uniqueId('crash')
    // No waits: fulfilment is not awaited, nothing is opened, so every journey sends its first email
    // and one alternative, then ends. Two emails per journey, two steps each way to lose them.
    await givenStore(db, storeId, noWaitPolicy)
    await givenProducts(db, storeId, ['kettle', 'tea', 'cup'])
    await givenPairings(db, storeId, [
      ['kettle', 'tea'],
      ['kettle', 'cup'],
    ])
    const customers: string[] = []
    for (let index = 0; index < journeys; index++) {
      const order = orderSchema.parse({
        orderId: String(10_000 + index),
        customer: { email: `crash-${index}@example.com` },
        currency: 'EUR',
        placedAt: new Date().toISOString(),
        lineItems: [{ productId: 'kettle', title: 'Kettle', category: 'tea', quantity: 1, unitPrice: '30.00' }],
      })
      const recorded = await recordOrder(db, storeId, order)
      if (recorded.erased) throw new Error(`order ${order.orderId}: its customer was erased`)
      customers.push(recorded.customerId)
    }

    const bundlePath = join(bundleDir, 'workflow-bundle.js')
    const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} }
    await writeFile(bundlePath, (await bundleWorkflowCode({ workflowsPath, logger: quiet })).code)
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress(),
      CROSSWISE_TASK_QUEUE: uniqueId('crash'),
      CROSSWISE_WORKFLOW_BUNDLE: bundlePath,
      CROSSWISE_DISPATCH_IDLE_MS: '50',
      LOG_LEVEL: 'info',
    }
    // Each kill lands at a random moment after the outbox passed a mark, so every one of them hits
    // journeys mid-flight: some between claiming a send and marking it sent.
    const sentAtKill: number[] = []
    for (let kill = 0; kill < kills; kill++) {
      child = await startWorker(env)
      const mark = 20 + kill * 80
      while ((await listOutboxEvents(db, storeId)).length < mark) await pause(100)
      await pause(Math.random() * 1_500)
      await killHard(child)
      sentAtKill.push((await listOutboxEvents(db, storeId)).length)
    }
    child = await startWorker(env)

    const client = new Client({ connection })
    const outcomes = await Promise.all(
      customers.map(async (customerId) => {
        const handle = client.workflow.getHandle(journeyWorkflowId(storeId, customerId))
        for (;;) {
          try {
            return await handle.result()
          } catch (error) {
            // The dispatcher may not have started this journey yet.
            if ((error as Error).name !== 'WorkflowNotFoundError') throw error
            await pause(500)
          }
        }
      }),
    )
    expect(outcomes.filter((outcome) => outcome.reason === 'not-opened' && outcome.emailsSent === 2)).toHaveLength(journeys)

    const expected = customers
      .flatMap((_, index) => [`${storeId}:${10_000 + index}:email-1`, `${storeId}:${10_000 + index}:email-2`])
      .sort()
    const outbox = await listOutboxEvents(db, storeId)
    expect(outbox.map((event) => event.uniqueId).sort()).toEqual(expected)
    const ledger = await listSends(db, storeId)
    expect(
      ledger
        .filter((send) => send.status === 'sent')
        .map((send) => send.sendKey)
        .sort(),
    ).toEqual(expected)
    expect(await countDispatches(db)).toEqual({ pending: 0, done: journeys })
    expect(sentAtKill.at(-1), `emails in the outbox at each kill: ${sentAtKill.join(', ')}`).toBeLessThan(2 * journeys)

    // A graceful stop: SIGTERM drains the worker and the process exits cleanly.
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
