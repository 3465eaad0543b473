import { setMaxListeners } from 'node:events'
import { PassThrough, type Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { createLogger, loadConfig, type Config, type Logger } from '@crosswise/config'
import { createDatabase, listStoreIds, migrateToLatest } from '@crosswise/db'
import { PortInUseError } from '@crosswise/local-stack'
import pinoPretty from 'pino-pretty'
import { UsageError, type Command } from '../command.ts'
import { localSecrets } from '../dev/local-secrets.ts'
import { startApp, type AppProcess } from '../dev/child-process.ts'
import { startDemo } from '../dev/demo-start.ts'
import { startStackServers } from '../dev/local-stack.ts'
import { listenForStop, type StopRequest } from '../dev/stop-request.ts'

/** Where app logs go: pretty in a terminal, one JSON object per line otherwise (CI, log shippers). */
function logSink(): Writable {
  if (!process.stdout.isTTY) {
    const sink = new PassThrough()
    sink.pipe(process.stdout)
    return sink
  }
  return pinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' })
}

export const devCommand: Command = {
  name: 'dev',
  summary: 'Run the whole stack locally: PostgreSQL, Temporal (with its Web UI), the worker and the API',
  usage: 'crosswise dev',
  options: ['(none)             settings come from the environment (README: Configuration); CROSSWISE_DEMO=off skips the demo store'],
  async run(args) {
    try {
      parseArgs({ args, options: {}, strict: true })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const config = loadConfig()
    const sink = logSink()
    const logger = createLogger('dev', config.LOG_LEVEL)
    const stop = listenForStop()
    try {
      return await runStack(config, logger, sink, stop)
    } finally {
      stop.dispose()
    }
  },
}

/** Starts the servers, the apps and the demo; returns the exit code once the stack has stopped. */
async function runStack(config: Config, logger: Logger, sink: Writable, stop: StopRequest): Promise<number> {
  const secrets = await localSecrets(config, config.dataDir)
  const apiUrl = `http://${config.CROSSWISE_API_HOST}:${config.CROSSWISE_API_PORT}`
  let servers
  try {
    // The UI decodes journeys' encrypted payloads through the API, with the codec-only credential.
    servers = await startStackServers(config, logger, { codecEndpoint: `${apiUrl}/codec/${secrets.codecToken}` })
  } catch (error) {
    if (error instanceof PortInUseError) {
      process.stderr.write(`crosswise dev: ${error.message}\n`)
      return 1
    }
    throw error
  }
  const db = createDatabase(servers.databaseUrl, { maxConnections: 4 })
  const stopServers = async () => {
    await db.destroy()
    await servers.stop()
    logger.info('stack stopped')
  }
  if (stop.signal.aborted) {
    await stopServers()
    return 0
  }

  const applied = await migrateToLatest(db)
  logger.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date')
  // The demo only ever fills an empty database: a stack with stores of its own is left as it is.
  const demo = config.CROSSWISE_DEMO === 'on' && (await listStoreIds(db)).length === 0
  if (config.CROSSWISE_DEMO === 'on' && !demo)
    logger.info('the database has stores: no demo (CROSSWISE_DEMO plays one on an empty database only)')

  const { adminToken } = secrets
  const env = {
    ...process.env,
    DATABASE_URL: servers.databaseUrl,
    TEMPORAL_ADDRESS: servers.temporalAddress,
    CROSSWISE_ADMIN_TOKEN: adminToken,
    CROSSWISE_PAYLOAD_KEY: secrets.payloadKey,
    CROSSWISE_CODEC_TOKEN: secrets.codecToken,
    LOG_LEVEL: config.LOG_LEVEL,
  }
  const apps: AppProcess[] = [startApp('worker', '@crosswise/worker/main', env, sink), startApp('api', '@crosswise/api/main', env, sink)]

  process.stdout.write(
    [
      '',
      'Crosswise is starting:',
      `  API          ${apiUrl}  (health: ${apiUrl}/health, OpenAPI: ${apiUrl}/openapi.json)`,
      `  Dashboard    ${apiUrl}/dashboard/  (sign in with the admin token)`,
      `  Temporal UI  ${servers.temporalUiUrl ?? '(external cluster: use its own UI)'}`,
      `  Temporal     ${servers.temporalAddress}`,
      // Never the token itself: this banner ends up in terminals' scrollback and CI logs.
      `  Admin token  ${config.CROSSWISE_ADMIN_TOKEN ? '(from CROSSWISE_ADMIN_TOKEN)' : `in ${config.dataDir}/admin-token (readable by you only)`}`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n') + '\n',
  )
  // Every pending simulated reaction waits on the stop signal.
  setMaxListeners(0, stop.signal)
  const demoRun = demo
    ? startDemo({
        db,
        apiUrl,
        adminToken,
        temporalUiUrl: servers.temporalUiUrl,
        secondsPerDay: config.CROSSWISE_DEMO_DAY_SECONDS,
        weeks: config.CROSSWISE_DEMO_WEEKS,
        ...(config.CROSSWISE_DEMO_HISTORY_WEEKS ? { historyWeeks: config.CROSSWISE_DEMO_HISTORY_WEEKS } : {}),
        customers: config.CROSSWISE_DEMO_CUSTOMERS,
        signal: stop.signal,
        say: (line) => process.stdout.write(`${line}\n`),
      })
    : Promise.resolve()

  let died: string | undefined
  for (const app of apps)
    void app.exited.then((code) => {
      if (stop.signal.aborted) return
      died = app.name
      logger.error({ app: app.name, code }, 'an app exited unexpectedly; stopping the stack')
      stop.request(`${app.name} exited`)
    })
  logger.info({ reason: await stop.asked }, 'stopping the stack')
  await demoRun
  await Promise.all(apps.map((app) => app.stop()))
  await stopServers()
  return died ? 1 : 0
}
