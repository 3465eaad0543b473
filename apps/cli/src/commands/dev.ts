import { setMaxListeners } from 'node:events'
import { PassThrough, type Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { createLogger, loadConfig } from '@crosswise/config'
import { createDatabase, listStoreIds, migrateToLatest } from '@crosswise/db'
import { PortInUseError } from '@crosswise/local-stack'
import pinoPretty from 'pino-pretty'
import { UsageError, type Command } from '../command.ts'
import { localAdminToken } from '../dev/admin-token.ts'
import { startApp, type AppProcess } from '../dev/child-process.ts'
import { startDemo } from '../dev/demo-start.ts'
import { startStackServers } from '../dev/local-stack.ts'

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
    let servers
    try {
      servers = await startStackServers(config, logger)
    } catch (error) {
      if (error instanceof PortInUseError) {
        process.stderr.write(`crosswise dev: ${error.message}\n`)
        return 1
      }
      throw error
    }

    const db = createDatabase(servers.databaseUrl, { maxConnections: 4 })
    const applied = await migrateToLatest(db)
    logger.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date')
    // The demo only ever fills an empty database: a stack with stores of its own is left as it is.
    const demo = config.CROSSWISE_DEMO === 'on' && (await listStoreIds(db)).length === 0
    if (config.CROSSWISE_DEMO === 'on' && !demo)
      logger.info('the database has stores: no demo (CROSSWISE_DEMO plays one on an empty database only)')

    const adminToken = await localAdminToken(config.CROSSWISE_ADMIN_TOKEN, config.dataDir)
    const env = {
      ...process.env,
      DATABASE_URL: servers.databaseUrl,
      TEMPORAL_ADDRESS: servers.temporalAddress,
      CROSSWISE_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: config.LOG_LEVEL,
    }
    const apps: AppProcess[] = [startApp('worker', '@crosswise/worker/main', env, sink), startApp('api', '@crosswise/api/main', env, sink)]

    const apiUrl = `http://${config.CROSSWISE_API_HOST}:${config.CROSSWISE_API_PORT}`
    process.stdout.write(
      [
        '',
        'Crosswise is starting:',
        `  API          ${apiUrl}  (health: ${apiUrl}/health, OpenAPI: ${apiUrl}/openapi.json)`,
        `  Temporal UI  ${servers.temporalUiUrl ?? '(external cluster: use its own UI)'}`,
        `  Temporal     ${servers.temporalAddress}`,
        `  Admin token  ${config.CROSSWISE_ADMIN_TOKEN ? '(from CROSSWISE_ADMIN_TOKEN)' : `${adminToken}  (kept in ${config.dataDir}/admin-token)`}`,
        '  Press Ctrl-C to stop.',
        '',
      ].join('\n') + '\n',
    )
    const demoStop = new AbortController()
    // Every pending simulated reaction waits on this signal.
    setMaxListeners(0, demoStop.signal)
    const demoRun = demo
      ? startDemo({
          db,
          apiUrl,
          adminToken,
          temporalUiUrl: servers.temporalUiUrl,
          secondsPerDay: config.CROSSWISE_DEMO_DAY_SECONDS,
          weeks: config.CROSSWISE_DEMO_WEEKS,
          customers: config.CROSSWISE_DEMO_CUSTOMERS,
          signal: demoStop.signal,
          say: (line) => process.stdout.write(`${line}\n`),
        })
      : Promise.resolve()

    let stopping = false
    const stopAll = async (reason: string) => {
      if (stopping) return
      stopping = true
      logger.info({ reason }, 'stopping the stack')
      demoStop.abort()
      await demoRun
      await db.destroy()
      await Promise.all(apps.map((app) => app.stop()))
      await servers.stop()
      logger.info('stack stopped')
    }
    const stopped = new Promise<number>((resolve) => {
      const onSignal = (signal: NodeJS.Signals) => void stopAll(signal).then(() => resolve(0))
      process.on('SIGINT', onSignal)
      process.on('SIGTERM', onSignal)
      for (const app of apps) {
        void app.exited.then((code) => {
          if (stopping) return
          logger.error({ app: app.name, code }, 'an app exited unexpectedly; stopping the stack')
          void stopAll(`${app.name} exited`).then(() => resolve(1))
        })
      }
    })
    return stopped
  },
}
