// Journeys per second end to end with every delay set to zero, against a bare workflow that takes the
// same signals and makes the same number of activity calls; plus Temporal actions per completed
// journey, counted from histories. On a fresh local dev server (SQLite, WAL) by default, or on the
// Temporal server at TEMPORAL_ADDRESS (scripts/cluster runs it on PostgreSQL). Writes the `## Journeys`
// section of BENCHMARKS.md (or the one named by BENCH_SECTION). `pnpm --filter @crosswise/worker bench`
// (JOURNEYS=500, ROUNDS=3 by default).
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '@crosswise/config'
import { createDatabase, ensureStore, migrateToLatest, recordOrder, saveManualPairings, upsertProduct } from '@crosswise/db'
import { journeyPolicySchema, journeySearchAttributes, journeyWorkflowId, orderSchema, productSchema } from '@crosswise/domain'
import { crossSellJourney, orderFulfilledSignal, orderPlacedSignal } from '@crosswise/journeys'
import { freePort, startEmbeddedPostgres, startTemporalDevServer, temporalCliPath } from '@crosswise/local-stack'
import { Client, Connection } from '@temporalio/client'
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker'
import { sql } from 'kysely'
import { createActivities, workflowsPath } from '@crosswise/engine'
import { bareFulfilledSignal, bareJourney, barePlacedSignal } from './bare-workflow.ts'
import { writeBenchmarkSection } from './benchmarks-file.ts'
import { countActions } from './billable-actions.ts'
import { drive, type Run } from './measured-run.ts'

const count = Number(process.env.JOURNEYS ?? 500)
// Bare and journey runs alternate; the median of each counts, so neither one lucky nor one disturbed
// round decides the comparison.
const rounds = Math.max(3, Number(process.env.ROUNDS ?? 3))
// Above this 1-minute load average at the start, other work shares the cores and the ratio says little.
const idleLoad = 1
const existingServer = process.env.TEMPORAL_ADDRESS
const sectionTitle = process.env.BENCH_SECTION ?? 'Journeys'
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} }
Runtime.install({ logger: new DefaultLogger('ERROR') })

const dataDir = await mkdtemp(join(tmpdir(), 'crosswise-bench-'))
// PostgreSQL runs as its own user when we are root: it must be able to enter the folder.
await chmod(dataDir, 0o755)
const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), port: await freePort(), database: 'bench' })
const temporal = existingServer
  ? { address: existingServer, async stop() {} }
  : await startTemporalDevServer({
      binary: temporalCliPath(loadConfig().toolsDir),
      port: await freePort(),
      dbFile: join(dataDir, 'temporal.sqlite'),
      searchAttributes: journeySearchAttributes,
    })
const db = createDatabase(postgres.url, { maxConnections: 20, preparedStatements: 200 })
// Counts the statements the journey's activities send: each is a round trip to PostgreSQL.
let statements = 0
const countingDb = db.withPlugin({
  transformQuery: (args) => (statements++, args.node),
  transformResult: async (args) => args.result,
})
const connection = await Connection.connect({ address: temporal.address })
const client = new Client({ connection })
const nativeConnection = await NativeConnection.connect({ address: temporal.address })

try {
  await migrateToLatest(db)
  // Unique per run: a persistent server keeps the workflows of earlier runs.
  const storeId = `bench-${Date.now().toString(36)}`
  await ensureStore(db, storeId, { name: 'Bench', currency: 'EUR' })
  // The common path without waits: fulfilled at once, first email not opened, one alternative, end.
  const policy = journeyPolicySchema.parse({
    delayMs: { 'first-time': 0, repeat: 0, vip: 0 },
    sendWindow: { startHour: 0, endHour: 24 },
    frequencyCap: { maxEmails: 100, windowMs: 60_000, minGapMs: 0 },
    holdoutShare: 0,
    engagement: { waitMs: 0, followUpDelayMs: 0, onNotOpened: 'alternative-pairing' },
  })
  await sql`update stores set policy = ${JSON.stringify(policy)}::jsonb where id = ${storeId}`.execute(db)
  for (const productId of ['kettle', 'tea', 'cup']) {
    await upsertProduct(
      db,
      storeId,
      productSchema.parse({
        productId,
        title: productId,
        category: 'tea',
        price: '9.90',
        currency: 'EUR',
        url: `https://shop.example/${productId}`,
        updatedAt: new Date().toISOString(),
      }),
    )
  }
  await saveManualPairings(db, storeId, [
    { triggerProductId: 'kettle', recommendedProductId: 'tea', priority: 2 },
    { triggerProductId: 'kettle', recommendedProductId: 'cup', priority: 1 },
  ])
  const customers: string[][] = []
  const placedAt = new Date().toISOString()
  for (let round = 0; round < rounds; round++) {
    customers.push([])
    for (let index = 0; index < count; index++) {
      const order = orderSchema.parse({
        orderId: `${round}-${index}`,
        customer: { email: `bench-${round}-${index}@example.com` },
        currency: 'EUR',
        placedAt,
        lineItems: [{ productId: 'kettle', title: 'Kettle', category: 'tea', quantity: 1, unitPrice: '30.00' }],
      })
      const recorded = await recordOrder(db, storeId, order)
      if (recorded.erased) throw new Error(`order ${order.orderId}: its customer was erased`)
      customers[round]!.push(recorded.customerId)
    }
  }

  // The worker settings the product runs with (CROSSWISE_WORKER_MAX_*), the same for both runs; the
  // bundles are built before the clock starts.
  const { CROSSWISE_WORKER_MAX_ACTIVITIES, CROSSWISE_WORKER_MAX_WORKFLOW_TASKS } = loadConfig()
  const workerOptions = {
    connection: nativeConnection,
    maxConcurrentActivityTaskExecutions: CROSSWISE_WORKER_MAX_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: CROSSWISE_WORKER_MAX_WORKFLOW_TASKS,
  }
  const bareBundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)),
    logger: quiet,
  })
  const journeyBundle = await bundleWorkflowCode({ workflowsPath, logger: quiet })
  // One no-op call per step of the journey's common path: context, and per email guards, pick, send, engagement.
  const activityCalls = 9

  // A worker runs once: each round gets fresh ones.
  const bareWorker = () =>
    Worker.create({ ...workerOptions, taskQueue: 'bench-bare', workflowBundle: bareBundle, activities: { async step() {} } })
  const journeyWorker = () =>
    Worker.create({
      ...workerOptions,
      taskQueue: 'bench-journeys',
      workflowBundle: journeyBundle,
      activities: createActivities({ db: countingDb }),
    })
  // Starting the servers and building the bundles loads the machine: the rounds wait (up to five
  // minutes) for the 1-minute load to settle, so the verdict measures the journeys, not the setup.
  const settleUntil = Date.now() + 5 * 60_000
  while (loadavg()[0]! > idleLoad && Date.now() < settleUntil) await new Promise((resolve) => setTimeout(resolve, 5_000))
  const loadBefore = loadavg()[0]!
  const outcomes = new Map<string, number>()
  const bareRuns: Run[] = []
  const journeyRuns: Run[] = []
  for (let round = 0; round < rounds; round++) {
    bareRuns.push(
      await (
        await bareWorker()
      ).runUntil(
        drive(
          customers[round]!.map((_, index) => `${storeId}-bare-${round}-${index}`),
          async (id) =>
            void (await client.workflow.signalWithStart(bareJourney, {
              workflowId: id,
              taskQueue: 'bench-bare',
              args: [activityCalls],
              signal: barePlacedSignal,
              signalArgs: [{}],
            })),
          (id) => client.workflow.getHandle(id).signal(bareFulfilledSignal, {}),
          async (id) => void (await client.workflow.getHandle(id).result()),
        ),
      ),
    )
    journeyRuns.push(
      await (
        await journeyWorker()
      ).runUntil(
        drive(
          customers[round]!.map((customerId, index) => `${round}-${index}|${customerId}`),
          async (key) => {
            const [orderId, customerId] = key.split('|') as [string, string]
            await client.workflow.signalWithStart(crossSellJourney, {
              workflowId: journeyWorkflowId(storeId, customerId),
              taskQueue: 'bench-journeys',
              args: [{ storeId, customerId }],
              signal: orderPlacedSignal,
              signalArgs: [{ eventKey: `order:${storeId}:${orderId}`, orderId, placedAt, productIds: ['kettle'] }],
            })
          },
          async (key) => {
            const [orderId, customerId] = key.split('|') as [string, string]
            await client.workflow.getHandle(journeyWorkflowId(storeId, customerId)).signal(orderFulfilledSignal, {
              eventKey: `fulfillment:${storeId}:${orderId}`,
              orderId,
              fulfilledAt: new Date().toISOString(),
              complete: true,
            })
          },
          async (key) => {
            const customerId = key.split('|')[1]!
            const outcome = await client.workflow.getHandle<typeof crossSellJourney>(journeyWorkflowId(storeId, customerId)).result()
            const label = `${outcome.reason}/${outcome.emailsSent}`
            outcomes.set(label, (outcomes.get(label) ?? 0) + 1)
          },
        ),
      ),
    )
  }
  const median = (runs: Run[]) => [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!
  const bare = median(bareRuns)
  const journeys = median(journeyRuns)
  const cpuText = (cpu: Run['cpu']) =>
    `${cpu.map(([role, ms]) => `${role} ${ms.toFixed(1)}`).join(', ')} (${cpu.reduce((sum, [, ms]) => sum + ms, 0).toFixed(1)} in all)`
  const rates = (runs: Array<{ perSecond: number }>) => runs.map((run) => run.perSecond.toFixed(1)).join(', ')

  const sample = customers[0]!.slice(0, 20)
  const journeyCounts = await Promise.all(
    sample.map(async (customerId) =>
      countActions((await client.workflow.getHandle(journeyWorkflowId(storeId, customerId)).fetchHistory()).events ?? []),
    ),
  )
  const bareCounts = await Promise.all(
    sample.map(async (_, index) =>
      countActions((await client.workflow.getHandle(`${storeId}-bare-0-${index}`).fetchHistory()).events ?? []),
    ),
  )
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const outbox = await sql<{ n: string }>`select count(*) as n from klaviyo_outbox`.execute(db)

  const ratio = journeys.perSecond / bare.perSecond
  const loadAfter = loadavg()[0]!
  const idle = loadBefore <= idleLoad
  // The path's own cost is the median; the mean also counts retries and extra tasks a loaded server causes.
  const journeyActions = [...journeyCounts.map((c) => c.actions)].sort((a, b) => a - b)[Math.floor(journeyCounts.length / 2)]!
  const rows: Array<[string, string]> = [
    ['journeys (and bare workflows) per round', `${count.toLocaleString('en')}, ${rounds} rounds alternating bare and journey`],
    ['activity calls per journey', `7 (bare: ${activityCalls} no-op calls, one per step)`],
    ['database statements per journey (round trips)', (statements / (count * rounds)).toFixed(1)],
    ['outcomes', [...outcomes].map(([label, n]) => `${label} × ${n}`).join(', ')],
    ['dry-run emails written', Number(outbox.rows[0]?.n ?? 0).toLocaleString('en')],
    [
      'bare workflow, end to end (median round)',
      `${bare.perSecond.toFixed(1)}/s (${bare.seconds.toFixed(1)} s); rounds: ${rates(bareRuns)}/s`,
    ],
    [
      'crossSellJourney, end to end (median round)',
      `${journeys.perSecond.toFixed(1)}/s (${journeys.seconds.toFixed(1)} s); rounds: ${rates(journeyRuns)}/s`,
    ],
    ['journey ÷ bare', `${ratio.toFixed(2)}× (target ≥ 0.9×)`],
    [
      'Temporal actions per journey (common path)',
      `median ${journeyActions} (target ≤ 15), mean ${mean(journeyCounts.map((c) => c.actions)).toFixed(1)}; bare mean ${mean(bareCounts.map((c) => c.actions)).toFixed(1)}`,
    ],
    ['CPU per workflow, median round (ms)', `journey: ${cpuText(journeys.cpu)}; bare: ${cpuText(bare.cpu)}`],
    [
      'history events per journey',
      `${mean(journeyCounts.map((c) => c.events)).toFixed(1)}; bare ${mean(bareCounts.map((c) => c.events)).toFixed(1)}`,
    ],
    [
      'machine load (1-min average) at start and end',
      `${loadBefore.toFixed(2)} and ${loadAfter.toFixed(2)} on ${cpus().length} cores${idle ? '' : ' (busy at the start: the ratio is not evidence)'}`,
    ],
    ['result', !idle ? 'not judged: the machine was busy at the start' : ratio >= 0.9 && journeyActions <= 15 ? 'pass' : 'miss'],
  ]
  const server = existingServer
    ? (process.env.BENCH_SERVER ?? `the Temporal server at ${existingServer}`)
    : 'a fresh `temporal server start-dev` with a SQLite file (`journal_mode=wal`, `synchronous=off`)'
  const section = [
    `## ${sectionTitle}`,
    '',
    `\`pnpm --filter @crosswise/worker bench\` (apps/worker/bench/journeys.ts), run ${new Date().toISOString().slice(0, 10)} on`,
    `${cpus().length} cores, worker, Temporal and PostgreSQL on the same machine: ${server},`,
    `embedded PostgreSQL 18, one worker process with ${CROSSWISE_WORKER_MAX_WORKFLOW_TASKS} workflow and ${CROSSWISE_WORKER_MAX_ACTIVITIES} activity slots (the product's defaults). Each journey gets`,
    '`orderPlaced` by signal-with-start and then `orderFulfilled`, exactly as the dispatcher delivers them, with',
    'every delay at zero: it loads its context, checks its guards and picks a manual pairing, writes the email',
    'to the dry-run outbox, reads engagement (none), and does the same once more for the alternative pairing:',
    "7 activity calls against PostgreSQL (each pick made by the guards' task). The",
    'bare workflow takes the same two signals and makes 9 no-op (remote) activity calls, one per step of the',
    "journey's common path (context, and per email guards, pick, send, engagement). Each run starts 50",
    'at a time and counts from the first start to the last result; bare and journey rounds alternate and the',
    'medians are compared. The verdict needs an idle machine: the rounds wait up to five minutes for a 1-minute load ≤ 1. Actions are',
    'counted from the histories of 20 journeys as Temporal Cloud bills them (start, signals, activities, timers,',
    'search-attribute upserts, markers, updates).',
    '',
    '| measure | value |',
    '| --- | --- |',
    ...rows.map(([measure, value]) => `| ${measure} | ${value} |`),
    '',
  ].join('\n')
  console.log(section)

  await writeBenchmarkSection(sectionTitle, section)
} finally {
  await connection.close()
  await nativeConnection.close()
  await db.destroy()
  await temporal.stop()
  await postgres.stop()
  await rm(dataDir, { recursive: true, force: true })
}
