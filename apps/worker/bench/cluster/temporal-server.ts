// The full Temporal server (the binary a production cluster runs) on PostgreSQL, started from the build
// of scripts/install-temporal-server.sh: schema set up with its SQL tool, one process with the four
// services, the `default` namespace and Crosswise's search attributes registered.
import { execFile, spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { journeySearchAttributes } from '@crosswise/domain'
import { waitForFrontend } from '@crosswise/local-stack'
import { Connection } from '@temporalio/client'
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js'
import { msToTs } from '@temporalio/common/lib/time.js'

const run = promisify(execFile)

export interface TemporalServerOptions {
  /** `.tools/temporal-server`: `bin/server`, `bin/sql` and `schema/postgresql`. */
  toolsDir: string
  /** Folder for the generated config and the server's log. */
  workDir: string
  postgres: { host: string; port: number; user: string; password: string }
  historyShards: number
}

export interface TemporalServer {
  address: string
  /** The server's process id, to measure its CPU. */
  pid: number
  stop(): Promise<void>
}

/** The protocol's value type of a search attribute declared as `Keyword`, `KeywordList`, `Datetime`, …. */
const indexedValueType = (type: string) =>
  encodeSearchAttributeIndexedValueType(type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() as 'KEYWORD')!

/** Creates the two databases and sets up their schemas at the latest version the build ships. */
async function setUpSchemas(options: TemporalServerOptions): Promise<void> {
  const { host, port, user, password } = options.postgres
  const sqlTool = join(options.toolsDir, 'bin', 'sql')
  for (const [database, folder] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ] as const) {
    const base = ['--plugin', 'postgres12', '--ep', host, '-p', String(port), '-u', user, '--pw', password, '--db', database]
    await run(sqlTool, [...base, 'create-database'])
    await run(sqlTool, [...base, 'setup-schema', '-v', '0.0'])
    await run(sqlTool, [...base, 'update-schema', '-d', join(options.toolsDir, 'schema', 'postgresql', 'v12', folder, 'versioned')])
  }
}

/** Whether a loopback port is free now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/**
 * Free loopback ports below 32768: the server stores membership ports in a PostgreSQL smallint, so
 * the system's ephemeral ports (above it) make its start fail.
 */
async function freeLowPorts(count: number): Promise<number[]> {
  const ports: number[] = []
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 12_000)
    if (!ports.includes(port) && (await portIsFree(port))) ports.push(port)
  }
  return ports
}

/** The server's config: every service on a free loopback port, PostgreSQL for history and visibility. */
async function config(options: TemporalServerOptions): Promise<{ yaml: string; frontendPort: number }> {
  const { host, port, user, password } = options.postgres
  const ports = await freeLowPorts(9)
  const [frontend, frontendMembership, frontendHttp, history, historyMembership, matching, matchingMembership, worker, workerMembership] =
    ports as [number, number, number, number, number, number, number, number, number]
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${host}:${port}"
        connectProtocol: tcp
        user: ${user}
        password: ${password}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`
  const service = (grpcPort: number, membershipPort: number, extra = '') => `
    rpc:
      grpcPort: ${grpcPort}
      membershipPort: ${membershipPort}
      bindOnLocalHost: true${extra}`
  const yaml = `log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${options.historyShards}
  datastores:
    default:${store('temporal', 20)}
    visibility:${store('temporal_visibility', 10)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
  frontend:${service(frontend, frontendMembership, `\n      httpPort: ${frontendHttp}`)}
  history:${service(history, historyMembership)}
  matching:${service(matching, matchingMembership)}
  worker:${service(worker, workerMembership)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${frontend}
dcRedirectionPolicy:
  policy: noop
`
  return { yaml, frontendPort: frontend }
}

/** Registers `default` and the journey's search attributes, and waits until the frontend serves both. */
async function prepareNamespace(address: string): Promise<void> {
  const connection = await Connection.connect({ address })
  try {
    await connection.workflowService.registerNamespace({ namespace: 'default', workflowExecutionRetentionPeriod: msToTs('1 day') })
    const searchAttributes = Object.fromEntries(journeySearchAttributes.map(({ name, type }) => [name, indexedValueType(type)]))
    // The frontend learns a new namespace from its cache, refreshed every few seconds.
    for (let attempt = 0; ; attempt++) {
      try {
        await connection.operatorService.addSearchAttributes({ namespace: 'default', searchAttributes })
        break
      } catch (error) {
        if (attempt >= 60) throw error
        await new Promise((resolve) => setTimeout(resolve, 1_000))
      }
    }
    for (let attempt = 0; ; attempt++) {
      const listed = await connection.operatorService.listSearchAttributes({ namespace: 'default' })
      if (journeySearchAttributes.every(({ name }) => listed.customAttributes[name] !== undefined)) return
      if (attempt >= 60) throw new Error('the search attributes did not appear')
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
  } finally {
    await connection.close()
  }
}

/** Sets up the schemas, starts the server and prepares the namespace. */
export async function startTemporalServer(options: TemporalServerOptions): Promise<TemporalServer> {
  await setUpSchemas(options)
  const { yaml, frontendPort } = await config(options)
  const configFile = join(options.workDir, 'temporal-server.yaml')
  await writeFile(configFile, yaml)
  const child = spawn(join(options.toolsDir, 'bin', 'server'), ['--config-file', configFile, '--allow-no-auth', 'start'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'))
    if (output.length > 100) output.shift()
  }
  child.stdout.on('data', remember)
  child.stderr.on('data', remember)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const address = `127.0.0.1:${frontendPort}`
  const started = await Promise.race([waitForFrontend(address, 120_000).then(() => true), exited.then(() => false)])
  if (!started) throw new Error(`The Temporal server exited during start:\n${output.join('').slice(-3000)}`)
  await prepareNamespace(address)
  return {
    address,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    },
  }
}
