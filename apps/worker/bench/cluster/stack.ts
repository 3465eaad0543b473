// The production shape on one machine: embedded PostgreSQL holding both Temporal's databases and
// Crosswise's, the full Temporal server on it, API and worker processes, and a fake Klaviyo that
// follows the published spec (so every event that would reach Klaviyo is counted).
import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '@crosswise/config'
import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { workflowsPath } from '@crosswise/engine'
import { journeyDataConverter } from '@crosswise/journeys'
import { freePort, startEmbeddedPostgres, type LocalPostgres } from '@crosswise/local-stack'
import { startFakeKlaviyo, type FakeKlaviyo } from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import { sql } from 'kysely'
import { bundleWorkflowCode } from '@temporalio/worker'
import { startApp, waitForHealth, type AppProcess } from './processes.ts'
import { startTemporalServer, type TemporalServer } from './temporal-server.ts'

const workerDir = fileURLToPath(new URL('../..', import.meta.url))
const apiDir = fileURLToPath(new URL('../../../api', import.meta.url))
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} }

export interface ClusterStack {
  workDir: string
  postgres: LocalPostgres
  temporal: TemporalServer
  db: Db
  client: Client
  klaviyo: FakeKlaviyo
  adminToken: string
  taskQueue: string
  /** Bytes Temporal keeps in PostgreSQL for histories and for the executions' mutable state; Crosswise's database size. */
  storage(): Promise<{ historyBytes: number; executionBytes: number; crosswiseBytes: number }>
  /** Starts a worker process of this checkout, or of another release's `apps/worker` folder. */
  startWorker(name: string, appDir?: string): Promise<AppProcess>
  /** Starts an API process; its base URL is on the result. */
  startApi(name: string): Promise<AppProcess & { url: string }>
  stop(): Promise<void>
}

/** Starts PostgreSQL, the Temporal server on it and the fake Klaviyo; app processes start on demand. */
export async function startClusterStack(log: (name: string, line: string) => void): Promise<ClusterStack> {
  const config = loadConfig()
  const workDir = await mkdtemp(join(tmpdir(), 'crosswise-cluster-'))
  // PostgreSQL runs as its own user when we are root: it must be able to enter the folder.
  await chmod(workDir, 0o755)
  const postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), port: await freePort(), database: 'crosswise' })
  const pgUrl = new URL(postgres.adminUrl)
  const temporal = await startTemporalServer({
    toolsDir: join(config.toolsDir, 'temporal-server'),
    workDir,
    postgres: { host: pgUrl.hostname, port: Number(pgUrl.port), user: pgUrl.username, password: pgUrl.password },
    historyShards: 4,
  })
  const db = createDatabase(postgres.url, { maxConnections: 10 })
  await migrateToLatest(db)
  const payloadKey = randomBytes(32).toString('base64')
  const connection = await Connection.connect({ address: temporal.address })
  const client = new Client({ connection, dataConverter: await journeyDataConverter(payloadKey) })
  // The worker's own pacer keeps to Klaviyo's limits; the fake's would only slow the run further.
  const klaviyo = await startFakeKlaviyo({ rateLimits: false })
  const adminToken = randomBytes(24).toString('base64url')
  const taskQueue = 'crosswise-cluster'
  // Built once: worker restarts then take seconds, not the bundling.
  const bundlePath = join(workDir, 'workflow-bundle.js')
  await writeFile(bundlePath, (await bundleWorkflowCode({ workflowsPath, logger: quiet })).code)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    CROSSWISE_TASK_QUEUE: taskQueue,
    CROSSWISE_PAYLOAD_KEY: payloadKey,
    CROSSWISE_ADMIN_TOKEN: adminToken,
    CROSSWISE_STORE_RATE_LIMIT: '0',
    CROSSWISE_DISPATCH_IDLE_MS: '50',
    KLAVIYO_API_KEY: 'pk_cluster_run',
    KLAVIYO_BASE_URL: klaviyo.url,
    LOG_LEVEL: 'info',
  }
  const apps: AppProcess[] = []
  return {
    workDir,
    postgres,
    temporal,
    db,
    client,
    klaviyo,
    adminToken,
    taskQueue,
    async storage() {
      // Temporal's own database, read with a pool of one: its tables are not Crosswise's schema.
      const temporalDb = createDatabase(postgres.adminUrl.replace(/\/postgres$/, '/temporal'), { maxConnections: 1 })
      try {
        const { rows } = await sql<{ history: string; executions: string }>`
          select (select coalesce(sum(octet_length(data)), 0) from history_node) as history,
                 (select coalesce(sum(octet_length(data)), 0) from executions) as executions`.execute(temporalDb)
        const crosswise = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(db)
        return {
          historyBytes: Number(rows[0]!.history),
          executionBytes: Number(rows[0]!.executions),
          crosswiseBytes: Number(crosswise.rows[0]!.bytes),
        }
      } finally {
        await temporalDb.destroy()
      }
    },
    async startWorker(name, appDir = workerDir) {
      // Another release bundles its own workflow code at start.
      const own = appDir === workerDir ? { CROSSWISE_WORKFLOW_BUNDLE: bundlePath } : {}
      const worker = await startApp(name, appDir, { ...env, ...own }, 'worker started', log)
      apps.push(worker)
      return worker
    },
    async startApi(name) {
      const port = await freePort()
      const url = `http://127.0.0.1:${port}`
      const api = await startApp(name, apiDir, { ...env, CROSSWISE_API_PORT: String(port) }, undefined, log)
      apps.push(api)
      await waitForHealth(`${url}/health`)
      return { ...api, url }
    },
    async stop() {
      await Promise.all(apps.map((app) => app.kill()))
      await connection.close()
      await db.destroy()
      await klaviyo.close()
      await temporal.stop()
      await postgres.stop()
      await rm(workDir, { recursive: true, force: true })
    },
  }
}
