/**
 * Ingest benchmark (`pnpm --filter @crosswise/api bench`): imports the full Online Retail file through
 * `crosswise import` (twice: the second must add nothing), sends a mixed stream of signed Shopify
 * webhooks to the API process, drains the resulting dispatches into Temporal with the worker's
 * Dispatcher, and measures bare signal-with-start on the same server for comparison. Prints tables
 * and rewrites the `## Ingest` section of BENCHMARKS.md at the repo root.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { workspaceRoot } from '@crosswise/config'
import { countDispatches, createDatabase, migrateToLatest } from '@crosswise/db'
import { crossSellJourney } from '@crosswise/journeys'
import { Dispatcher } from '@crosswise/engine'
import { Client, Connection } from '@temporalio/client'
import { sql } from 'kysely'
import { pino } from 'pino'
import { startApiProcess, startBenchStack } from './bench-stack.ts'
import { measureStream, type MeasuredStream } from './measured-stream.ts'
import { percentile, sendWebhooks } from './send-webhooks.ts'
import { planWebhooks } from './webhook-plan.ts'

const deliveriesTotal = Number(process.env.CROSSWISE_BENCH_WEBHOOKS ?? 10_000)
const concurrency = Number(process.env.CROSSWISE_BENCH_CONCURRENCY ?? 16)
const bareSignals = Number(process.env.CROSSWISE_BENCH_SIGNALS ?? 2_000)
// The data set committed with the repository (data/online-retail, CC0, with its attribution).
const onlineRetail = process.env.CROSSWISE_ONLINE_RETAIL_CSV ?? join(workspaceRoot(), 'data', 'online-retail', 'online-retail.csv.gz')
const adminToken = 'bench-admin-token'
const secret = 'shpss_bench_0123456789abcdef0123456789'

const rows: Array<[string, string]> = []
const row = (measure: string, value: string) => {
  rows.push([measure, value])
  console.log(`${measure.padEnd(58)} ${value}`)
}
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/**
 * Creates a store connected to a shop signed with the benchmark's secret and returns the shop's
 * domain. Every stream goes to a store of its own, so its orders are new there.
 */
async function createBenchStore(apiUrl: string, id: string): Promise<string> {
  const domain = `${id}.myshopify.com`
  const created = await fetch(`${apiUrl}/v1/admin/stores`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ id, name: id, currency: 'EUR', shopify: { domain, webhookSecret: secret } }),
  })
  if (created.status !== 201) throw new Error(`store creation failed: ${await created.text()}`)
  return domain
}

/** A mixed stream to a store of its own, so every topic's code is compiled by the time it is measured. */
async function warmUp(apiUrl: string, id: string): Promise<void> {
  await sendWebhooks(apiUrl, await createBenchStore(apiUrl, id), planWebhooks(2_000, secret).deliveries, { concurrency })
}

/** A measured stream's rate and latency, for one table cell. */
const rateAndLatency = (stream: MeasuredStream, per = 'verified/s') =>
  `${fmt(stream.verifiedPerSecond)} ${per}, p50 ${fmt(stream.p50, 1)} ms, p99 ${fmt(stream.p99, 1)} ms`

const loadAtStart = loadavg()[0]!
const stack = await startBenchStack()
const db = createDatabase(stack.databaseUrl)
try {
  await migrateToLatest(db)
  row(
    'machine',
    `${cpus().length} cores, Node ${process.version}; PostgreSQL 18 (embedded), Temporal dev server on SQLite (WAL, synchronous=off)`,
  )

  // 1. History import, through the CLI as a user runs it.
  if (existsSync(onlineRetail)) {
    const cli = fileURLToPath(new URL('../../cli/bin/crosswise.js', import.meta.url))
    for (const pass of ['first', 'second (re-import)']) {
      const started = performance.now()
      const run = spawnSync(
        process.execPath,
        [cli, 'import', 'orders', onlineRetail, '--store', 'online-retail', '--database-url', stack.databaseUrl],
        { encoding: 'utf8' },
      )
      const seconds = (performance.now() - started) / 1000
      if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`)
      const orders = /orders +([\d,]+) new/.exec(run.stdout)?.[1] ?? '?'
      const lines = /lines read +([\d,]+)/.exec(run.stdout)?.[1] ?? '?'
      const rejected = /lines rejected +([\d,]+)/.exec(run.stdout)?.[1] ?? '?'
      row(
        `Online Retail import, ${pass}`,
        `${fmt(seconds, 1)} s wall (process start included): ${lines} lines, ${orders} new orders, ${rejected} rejected`,
      )
    }
  } else {
    row('Online Retail import', `skipped: ${onlineRetail} not found (set CROSSWISE_ONLINE_RETAIL_CSV)`)
  }

  // 2. Verified webhooks per second against the API process; the dispatcher is not running yet. The
  // import's aftermath (autovacuum, the checkpoint of its pages) is settled first, as it would be
  // long before a store's webhooks arrive.
  await sql`vacuum analyze`.execute(db)
  await sql`checkpoint`.execute(db)
  const api = await startApiProcess(stack.databaseUrl, adminToken)
  try {
    await warmUp(api.url, 'bench-warmup')
    // Runs on this machine vary by a fifth: three of them, the median one in detail.
    const plan = planWebhooks(deliveriesTotal, secret)
    const runs: MeasuredStream[] = []
    for (const name of ['bench-1', 'bench-2', 'bench-3'])
      runs.push(await measureStream(api, await createBenchStore(api.url, name), plan.deliveries, concurrency))
    const median = [...runs].sort((a, b) => a.verifiedPerSecond - b.verifiedPerSecond)[1]!
    const { results, seconds, p99 } = median
    const byStatus = new Map<number, number>()
    for (const result of results) byStatus.set(result.status, (byStatus.get(result.status) ?? 0) + 1)
    row(
      `webhooks sent (mixed topics, 5 % duplicates, 2 % forged), ${concurrency} in flight`,
      `${fmt(results.length)} in ${fmt(seconds, 1)} s (the median of three runs)`,
    )
    row('answers', [...byStatus].map(([status, count]) => `${status}: ${fmt(count)}`).join(', '))
    row(
      'verified webhooks per second (HMAC checked, recorded, answered)',
      `${fmt(median.verifiedPerSecond)} (three runs: ${runs.map((run) => fmt(run.verifiedPerSecond)).join(', ')})`,
    )
    row('all requests per second', fmt(results.length / seconds))
    for (const topic of [...new Set(plan.deliveries.map((delivery) => delivery.topic))].sort()) {
      const ms = results.filter((_, index) => plan.deliveries[index]!.topic === topic).map((result) => result.ms)
      row(`  ${topic}`, `${fmt(ms.length)} deliveries, p50 ${fmt(percentile(ms, 50), 1)} ms, p99 ${fmt(percentile(ms, 99), 1)} ms`)
    }
    row('target: ≥ 1,000 verified webhooks/s with p99 < 50 ms', median.verifiedPerSecond >= 1_000 && p99 < 50 ? 'met' : 'missed')
    row(
      'latency p50 / p99 / max',
      `${fmt(median.p50, 1)} ms / ${fmt(p99, 1)} ms / ${fmt(
        percentile(
          results.map((result) => result.ms),
          100,
        ),
        1,
      )} ms`,
    )
    if (median.cpu.length > 0) {
      const total = median.cpu.reduce((sum, [, ms]) => sum + ms, 0)
      row(
        'CPU per request, by process',
        `${median.cpu.map(([role, ms]) => `${role} ${fmt(ms, 2)} ms`).join(', ')}; ${fmt(total, 2)} ms in all, so ${cpus().length} cores allow at most ${fmt((cpus().length * 1000) / total)}/s`,
      )
      const served = median.cpu.filter(([role]) => role !== 'load generator').reduce((sum, [, ms]) => sum + ms, 0)
      row('target: CPU per request ≤ 1.3 ms (API + PostgreSQL)', `${fmt(served, 2)} ms: ${served <= 1.3 ? 'met' : 'missed'}`)
    }

    // Product updates alone: the topic taken in with one statement.
    const productUpdates = plan.deliveries.filter((delivery) => delivery.topic === 'products/update')
    const products = await measureStream(api, await createBenchStore(api.url, 'bench-products'), productUpdates, concurrency)
    row(`products/update alone (one statement each), ${concurrency} in flight`, rateAndLatency(products))

    // The same mixed stream with fewer deliveries in flight.
    const fewer = await measureStream(api, await createBenchStore(api.url, 'bench-8'), plan.deliveries, 8)
    row('same stream, 8 in flight', rateAndLatency(fewer))
  } finally {
    await api.stop()
  }

  // What bounds it: the same stream against a server that only reads and answers, and the rate of
  // the cheapest possible PostgreSQL round trip through the same driver and pool (16 in flight).
  const echo = await startApiProcess(stack.databaseUrl, adminToken, './echo-server.ts')
  try {
    // The echo server answers every request 200.
    const echoed = await measureStream(echo, 'echo.myshopify.com', planWebhooks(deliveriesTotal, secret).deliveries, concurrency)
    row('ceiling: same stream to a Fastify echo process (no HMAC, no database)', rateAndLatency(echoed, 'requests/s'))
  } finally {
    await echo.stop()
  }
  // The same work with commits that do not wait for the WAL to reach the disk: not durable, so never
  // how Crosswise runs; it shows how much of the latency is the disk's flush.
  const asyncCommit = await startApiProcess(stack.databaseUrl, adminToken, '../src/main.ts', { PGOPTIONS: '-c synchronous_commit=off' })
  try {
    await warmUp(asyncCommit.url, 'bench-async-warmup')
    const unflushed = await measureStream(
      asyncCommit,
      await createBenchStore(asyncCommit.url, 'bench-async'),
      planWebhooks(deliveriesTotal, secret).deliveries,
      concurrency,
    )
    row('for comparison: same stream, commits not waiting for the WAL flush (not durable)', rateAndLatency(unflushed))
  } finally {
    await asyncCommit.stop()
  }
  let trips = 0
  const tripsStarted = performance.now()
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() - tripsStarted < 5_000) {
        await sql`select 1`.execute(db)
        trips++
      }
    }),
  )
  row(
    'ceiling: PostgreSQL round trips (`select 1`, kysely + pg, 16 in flight)',
    `${fmt(trips / ((performance.now() - tripsStarted) / 1000))}/s`,
  )

  // 3. Dispatcher drain into Temporal (no worker: signal-with-start only) vs bare signal-with-start.
  const connection = await Connection.connect({ address: stack.temporalAddress })
  const client = new Client({ connection })
  const pending = (await countDispatches(db)).pending
  const dispatcher = new Dispatcher({
    db,
    client,
    taskQueue: 'bench',
    logger: pino({ level: 'silent' }),
    batchSize: 200,
    idleMs: 20,
    callTimeoutMs: 10_000,
  })
  const drainStarted = performance.now()
  dispatcher.start()
  while ((await countDispatches(db)).pending > 0) await new Promise((resolve) => setTimeout(resolve, 100))
  await dispatcher.stop()
  const drainSeconds = (performance.now() - drainStarted) / 1000
  row(
    `dispatcher drain into Temporal (batch 200, 16 calls in flight)`,
    `${fmt(pending)} dispatches in ${fmt(drainSeconds, 1)} s = ${fmt(pending / drainSeconds)}/s`,
  )

  let next = 0
  const bareStarted = performance.now()
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < bareSignals) {
        const index = next++
        await client.workflow.signalWithStart(crossSellJourney, {
          workflowId: `bench-bare-${index}`,
          taskQueue: 'bench',
          args: [{ storeId: 'bench', customerId: `bare-${index}` }],
          signal: 'orderPlaced',
          signalArgs: [{ eventKey: `bare-${index}`, orderId: String(index), placedAt: new Date().toISOString(), productIds: ['p'] }],
        })
      }
    }),
  )
  const bareSeconds = (performance.now() - bareStarted) / 1000
  row(
    'bare signal-with-start, same server, 16 in flight',
    `${fmt(bareSignals)} in ${fmt(bareSeconds, 1)} s = ${fmt(bareSignals / bareSeconds)}/s`,
  )
  await connection.close()
} finally {
  await db.destroy()
  await stack.stop()
}

row(
  'machine load average (1 min) at start / end',
  `${fmt(loadAtStart, 1)} / ${fmt(loadavg()[0]!, 1)} (the load generator, API, PostgreSQL and Temporal share these cores)`,
)
const table = ['| measure | value |', '| --- | --- |', ...rows.map(([measure, value]) => `| ${measure} | ${value} |`)].join('\n')
const section = `## Ingest

\`pnpm --filter @crosswise/api bench\` (apps/api/bench/ingest.ts), run ${new Date().toISOString().slice(0, 10)}. Everything on this
machine over 127.0.0.1: embedded PostgreSQL, a Temporal dev server on SQLite with WAL pragmas, the API as its own process
(\`src/main.ts\`, one Node process), the load generator in the benchmark process. The import runs \`crosswise import orders\` on the full
Online Retail file. Webhooks are a deterministic mixed stream (orders, paid, cancellations, fulfilments, a third of them before their
order, refunds, product updates, redactions) of signed Shopify deliveries; each answered 200 was verified and recorded with
its dispatches in one PostgreSQL statement (a transaction of a few for the rarer topics). The dispatcher is stopped while webhooks are measured, then drains the outbox
into Temporal (no journey worker runs, so this is signal-with-start throughput); bare signal-with-start on the same server is the
ceiling it is compared with.

${table}

What bounds the webhook rate: CPU. The load generator, the API process and PostgreSQL share the 2 cores, and the CPU row
says what one request costs each of them; the rate cannot pass the cores divided by that sum, and stays below it because each
delivery also waits, for its round trips and its commit's WAL flush, while a core idles (the row with commits that do not
wait for the flush shows the flush's own share, within the runs' spread here; never how Crosswise runs: an answered webhook
must survive a crash). Single runs vary by about a fifth on this machine. A CPU profile of the API under this stream put about a third of its CPU in socket writes
to PostgreSQL, each of which wakes a backend that answers with another, so the path is built for few round trips: a
product update, an order, a fulfilment and a refund are each one statement with no transaction around it, the effect and the
delivery record together (a product's upsert; for the others a call of \`record_order\`, \`record_fulfillment\` or
\`record_refund\`, database functions that take the order's lock, find or create the customer, store the fact and enqueue
the journey's dispatches); a cancellation or redaction, rarer, is a transaction of a few. The API prepares its statements,
so PostgreSQL parses and plans each once per connection, and the functions plan theirs generically: each measured stream
goes to a new store, as a newly connected shop's would, and a plan made for the id of a store the table statistics have not
seen yet takes it for an empty one (before that setting, each customer lookup read every customer of the store through
the index on store and email). With 16 deliveries in
flight the latency is 16 divided by the rate; the row with 8 in flight shows the trade between the two. Machines of
this kind differ from day to day (the echo ceiling row is the yardstick: 7,273 requests/s on 2026-12-03, 11,000 to
14,000 on 2026-12-06), so the rate and the CPU per request move with them. On 2026-12-06, making the order, fulfilment and
refund one statement each (they were three to five round trips) took the CPU per request from 1.29–1.38 ms to 1.14–1.27 ms
(three full runs, the slowest while the echo ceiling was 9,775) and the rate from about 1,080 to 1,160–1,290 verified
webhooks/s. The 5 s Shopify deadline is met with a wide margin at the measured p99. The drain rate is Temporal's: signal-with-start
on the dev server's SQLite store, where signals to running journeys are cheaper than the bare benchmark's new workflow per
call.
`
const benchmarksFile = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url))
const current = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n'
const pattern = /## Ingest\n[\s\S]*?(?=\n## |$)/
const updated = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`
// Other sections are rewritten by their own benchmarks: keep a blank line before this one whatever they leave.
writeFileSync(benchmarksFile, updated.replace(/\n+## Ingest\n/, '\n\n## Ingest\n'))
