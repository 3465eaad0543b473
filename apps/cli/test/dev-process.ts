import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from '@crosswise/local-stack'
import { testAdminToken } from './test-stack.ts'

const cli = fileURLToPath(new URL('../bin/crosswise.js', import.meta.url))

/** A `crosswise dev` started by a test: its process, what it printed so far, and its exit. */
export interface RunningStack {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** Starts `crosswise dev` with extra environment, capturing both output streams. */
export function startDev(env: NodeJS.ProcessEnv): RunningStack {
  const child = spawn(process.execPath, [cli, 'dev'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/** Stops stacks as Ctrl-C would, and kills those still running after `graceMs`. */
export async function stopStacks(stacks: readonly RunningStack[], graceMs: number): Promise<void> {
  for (const stack of stacks) stack.child.kill('SIGINT')
  await Promise.all(stacks.map((stack) => Promise.race([stack.exited, new Promise((resolve) => setTimeout(resolve, graceMs))])))
  for (const stack of stacks) stack.child.kill('SIGKILL')
}

/** The environment of a whole local stack on free ports with its data in `dataDir`, and its API's address. */
export async function devStackEnv(
  dataDir: string,
  extra: NodeJS.ProcessEnv,
): Promise<{ env: NodeJS.ProcessEnv; apiUrl: string; ports: Record<'api' | 'pg' | 'temporal' | 'ui', number> }> {
  const ports = { api: await freePort(), pg: await freePort(), temporal: await freePort(), ui: await freePort() }
  const env = {
    CROSSWISE_DATA_DIR: dataDir,
    CROSSWISE_API_PORT: String(ports.api),
    CROSSWISE_PG_PORT: String(ports.pg),
    CROSSWISE_TEMPORAL_PORT: String(ports.temporal),
    CROSSWISE_TEMPORAL_UI_PORT: String(ports.ui),
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    CROSSWISE_ADMIN_TOKEN: testAdminToken,
    ...extra,
  }
  return { env, apiUrl: `http://127.0.0.1:${ports.api}`, ports }
}
