import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '@crosswise/config'
import { createDatabase } from '@crosswise/db'
import { freePort, startEmbeddedPostgres, temporalTestServerPath } from '@crosswise/local-stack'
import { DefaultLogger, Runtime } from '@temporalio/worker'
import { z } from 'zod'
import { UsageError, type Command } from '../command.ts'
import { parseOptions } from '../command-options.ts'
import { readHistoryFile } from '../evaluate/history-source.ts'
import { defaultValidationCutoff, evaluateOffline } from '../evaluate/offline-evaluation.ts'
import { readRecordedOrders } from '../replay/recorded-orders.ts'
import { runSimulation } from '../simulate/run-simulation.ts'
import { buildSimulationCases, sampleCases } from '../simulate/simulation-cases.ts'
import { simulationReport } from '../simulate/simulation-report.ts'
import { simulationText } from '../simulate/simulation-text.ts'

const usage = 'crosswise simulate --data FILE [--cutoff 2011-09-01] [--customers 300|all] [--database-url URL] [--json]'

const argsSchema = z.object({
  data: z.string({ error: 'is required: an order history (Online Retail or the generic layout, .gz accepted)' }).min(1),
  cutoff: z.iso.date('must be a date such as 2011-09-01').default('2011-09-01'),
  customers: z
    .string()
    .default('300')
    .transform((value) => (value === 'all' || value === '0' ? Number.POSITIVE_INFINITY : Number(value)))
    .refine(
      (value) => value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value > 0),
      'must be a positive whole number, or all',
    ),
  'database-url': z.string().min(1).optional(),
  json: z.boolean().default(false),
})

const parse = (args: string[]) => parseOptions(args, argsSchema)

/** A PostgreSQL for the run: the one given (a fresh scratch store in it) or an embedded one in a temp folder. */
async function scratchDatabase(databaseUrl: string | undefined): Promise<{ url: string; release(): Promise<void> }> {
  if (databaseUrl) return { url: databaseUrl, release: async () => undefined }
  const dataDir = await mkdtemp(join(tmpdir(), 'crosswise-simulate-pg-'))
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'crosswise' })
  return {
    url: postgres.url,
    async release() {
      await postgres.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Keeps the SDK's per-worker info lines out of the report; warnings still show. */
function quietTemporal(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') })
  } catch {
    // Already installed (a test harness installs its own quiet runtime): keep that one.
  }
}

/**
 * `crosswise simulate`: replays a history's customers around a cutoff through the real journeys on
 * Temporal's time-skipping test server (dry run), and puts what they sent beside `crosswise evaluate`.
 */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Replay an order history through the real journeys on a time-skipping Temporal server and compare what they send with evaluate',
  usage,
  options: [
    '--data FILE          an order history CSV (.gz accepted): Online Retail or the generic layout',
    "--cutoff DATE        history before it is imported and mined; each customer's last order before it triggers a journey (default 2011-09-01)",
    '--customers N        customers simulated, a seeded sample (default 300; all or 0 for every one)',
    '--database-url URL   PostgreSQL to use, in a new scratch store (default: a throwaway embedded one)',
    '--json               print the report as JSON',
  ],
  async run(args) {
    const input = parse(args)
    const config = loadConfig()
    const cutoff = Date.parse(`${input.cutoff}T00:00:00Z`)
    const say = (message: string): void => void process.stderr.write(`${message}\n`)
    const started = performance.now()
    const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`

    const orders = await readRecordedOrders(input.data)
    const allCases = buildSimulationCases(orders, cutoff)
    if (allCases.length === 0) throw new UsageError(`no customer in ${input.data} ordered both before and after ${input.cutoff}`)
    const cases = sampleCases(allCases, input.customers)
    say(`read ${orders.length} orders; simulating ${cases.length} of ${allCases.length} customers (${elapsed()})`)

    const testServerPath = temporalTestServerPath(config.toolsDir)
    quietTemporal()
    const database = await scratchDatabase(input['database-url'] ?? config.DATABASE_URL)
    const db = createDatabase(database.url, { maxConnections: 20, statementTimeoutMs: 300_000 })
    let run
    try {
      run = await runSimulation({
        orders,
        cases,
        cutoff,
        db,
        // A fresh store per run, so a shared database's stores are never touched.
        storeId: `simulation-${randomUUID().slice(0, 8)}`,
        testServerPath,
        onProgress: (message) => say(`${message} (${elapsed()})`),
      })
    } finally {
      await db.destroy()
      await database.release()
    }
    say(`journeys done (${elapsed()}); running evaluate's scoring for the same cutoff…`)

    const { history } = await readHistoryFile(input.data, () => undefined)
    const evaluation = evaluateOffline(history, {
      cutoff,
      validationCutoff: defaultValidationCutoff(cutoff),
      onProgress: (message) => say(`  ${message} (${elapsed()})`),
    })
    if (!evaluation) throw new UsageError(`evaluate has no customer with a new item after ${input.cutoff}`)
    const report = simulationReport({ data: input.data, cutoff, availableCases: allCases.length, cases, run, history, evaluation })
    say(`done (${elapsed()})`)
    process.stdout.write(input.json ? `${JSON.stringify(report, null, 2)}\n` : simulationText(report))
    return 0
  },
}
