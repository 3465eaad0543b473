import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '@crosswise/config'
import { journeySearchAttributes } from '@crosswise/domain'
import { freePort, startEmbeddedPostgres, startTemporalDevServer, temporalCliPath } from '@crosswise/local-stack'

/** The servers a benchmark runs against, all on free loopback ports, all removed by `stop()`. */
export interface BenchStack {
  databaseUrl: string
  temporalAddress: string
  temporalDbFile: string
  stop(): Promise<void>
}

/** Embedded PostgreSQL and a Temporal dev server on SQLite (WAL, synchronous=off), in a scratch folder. */
export async function startBenchStack(): Promise<BenchStack> {
  const scratch = await mkdtemp(join(tmpdir(), 'crosswise-bench-'))
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  await chmod(scratch, 0o755)
  const postgres = await startEmbeddedPostgres({ dataDir: join(scratch, 'pg'), port: await freePort(), database: 'crosswise' })
  const temporalDbFile = join(scratch, 'temporal.sqlite')
  const temporal = await startTemporalDevServer({
    binary: temporalCliPath(loadConfig().toolsDir),
    port: await freePort(),
    dbFile: temporalDbFile,
    searchAttributes: journeySearchAttributes,
  })
  return {
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    temporalDbFile,
    async stop() {
      await temporal.stop()
      await postgres.stop()
      await rm(scratch, { recursive: true, force: true })
    },
  }
}

/**
 * The API as deployed (`src/main.ts` through tsx) in its own process, so it has its own event loop;
 * `entry` swaps in another server (the echo server that measures the HTTP ceiling); `env` adds to
 * its environment.
 */
export async function startApiProcess(
  databaseUrl: string,
  adminToken: string,
  entry = '../src/main.ts',
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  const port = await freePort()
  const main = fileURLToPath(new URL(entry, import.meta.url))
  const child: ChildProcess = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CROSSWISE_API_PORT: String(port),
      CROSSWISE_API_HOST: '127.0.0.1',
      CROSSWISE_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
      // The bench measures what one store can push through, not the policy that caps it.
      CROSSWISE_STORE_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not start within 60 s')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}
