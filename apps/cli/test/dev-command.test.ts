import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, reachablePostgresDataFolder } from '@crosswise/local-stack'
import { Client, Connection } from '@temporalio/client'
import { afterAll, describe, expect, it } from 'vitest'
import { devStackEnv, startDev, stopStacks, type RunningStack } from './dev-process.ts'
import { eventually, orderBody, postOrder } from './test-stack.ts'

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok
  } catch {
    return false
  }
}

async function canListen(port: number): Promise<boolean> {
  const server = createServer()
  return new Promise((resolve) => {
    server.once('error', () => resolve(false))
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)))
  })
}

/** The run id of a journey once the dispatcher has started it (the dev server keeps it across restarts). */
async function journeyRun(temporalPort: number, journeyId: string): Promise<string> {
  const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` })
  try {
    const handle = new Client({ connection }).workflow.getHandle(journeyId)
    let runId = ''
    await eventually(async () => {
      try {
        runId = (await handle.describe()).runId
        return true
      } catch {
        return false
      }
    }, 120_000) // the worker bundles the workflow code first: slow on a loaded machine
    return runId
  } finally {
    await connection.close()
  }
}

describe('crosswise dev', () => {
  let dataDir: string | undefined
  let movedPostgres: string | undefined
  const running: RunningStack[] = []
  afterAll(async () => {
    await stopStacks(running, 20_000)
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
    if (movedPostgres) await rm(movedPostgres, { recursive: true, force: true })
  })

  it('brings up the stack, starts a journey, stops on Ctrl-C and keeps its data for the next start', { timeout: 300_000 }, async () => {
    // A private folder (mode 700, as mktemp makes it): as root, PostgreSQL runs as the `postgres` user,
    // who cannot enter it, so the stack keeps PostgreSQL's data in a folder of its own and says so.
    dataDir = await mkdtemp(join(tmpdir(), 'crosswise-dev-'))
    movedPostgres = reachablePostgresDataFolder(join(dataDir, 'postgres')).dataDir
    const { env, apiUrl, ports } = await devStackEnv(dataDir, { LOG_LEVEL: 'warn', CROSSWISE_DEMO: 'off' })

    const first = startDev(env)
    running.push(first)
    await eventually(() => answers(`${apiUrl}/health`), 120_000)
    expect(await answers(`http://localhost:${ports.ui}`)).toBe(true)
    if (process.getuid?.() === 0) expect(first.output()).toContain(`its data lives in ${movedPostgres}`)
    const posted = await postOrder(apiUrl, 'devshop', orderBody('9001', 'dev@example.com'))
    expect(posted.status).toBe(202)
    // A guest's journey is named by an id the store's key derives from the email; the API says which.
    const { journeyId } = (await posted.json()) as { journeyId: string }
    expect(journeyId).toMatch(/^journey:devshop:guest:[0-9a-f]{32}$/)
    const started = await journeyRun(ports.temporal, journeyId)

    first.child.kill('SIGINT')
    expect(await first.exited).toBe(0)
    expect(await answers(`${apiUrl}/health`)).toBe(false)

    const second = startDev(env)
    running.push(second)
    await eventually(() => answers(`${apiUrl}/health`), 120_000)
    const again = await postOrder(apiUrl, 'devshop', orderBody('9001', 'dev@example.com'))
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true)
    expect(await journeyRun(ports.temporal, journeyId)).toBe(started)
    second.child.kill('SIGINT')
    expect(await second.exited).toBe(0)
  })

  it('stops what has started when Ctrl-C comes while the stack is still starting', { timeout: 180_000 }, async () => {
    const startingDir = await mkdtemp(join(tmpdir(), 'crosswise-dev-starting-'))
    try {
      const { env, ports } = await devStackEnv(startingDir, { LOG_LEVEL: 'info', CROSSWISE_DEMO: 'off' })
      const stack = startDev(env)
      running.push(stack)
      await eventually(async () => stack.output().includes('embedded PostgreSQL started'), 120_000)
      stack.child.kill('SIGINT')
      expect(await stack.exited).toBe(0)
      expect(stack.output()).toContain('stack stopped')
      // Nothing is left behind: both servers' ports are free again.
      expect(await canListen(ports.pg)).toBe(true)
      expect(await canListen(ports.temporal)).toBe(true)
    } finally {
      await rm(startingDir, { recursive: true, force: true })
      await rm(reachablePostgresDataFolder(join(startingDir, 'postgres')).dataDir, { recursive: true, force: true })
    }
  })

  it('names the port and the variable when a port is taken', { timeout: 120_000 }, async () => {
    const taken = await freePort()
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen({ port: taken, host: '127.0.0.1' }, () => resolve()))
    try {
      const stack = startDev({
        DATABASE_URL: '',
        TEMPORAL_ADDRESS: '',
        CROSSWISE_PG_PORT: String(taken),
        CROSSWISE_DATA_DIR: join(tmpdir(), 'crosswise-unused'),
      })
      running.push(stack)
      expect(await stack.exited).toBe(1)
      expect(stack.output()).toContain(`Port ${taken} (embedded PostgreSQL) is already in use`)
      expect(stack.output()).toContain('CROSSWISE_PG_PORT')
    } finally {
      blocker.close()
    }
  })
})
