import { createLogger, loadConfig, requireProductionSecrets, temporalSecurity } from '@crosswise/config'
import { ApiKeyCipher, createDatabase } from '@crosswise/db'
import { journeyDataConverter } from '@crosswise/journeys'
import { Client, Connection } from '@temporalio/client'
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker'
import { createActivities, createJourneyWorker, Dispatcher, JourneyEraser, JourneyOutcomeRecorder } from '@crosswise/engine'
import { StoreScheduleKeeper } from './schedules/store-schedule.ts'
import { catalogueSyncSchedule, pairingRefreshSchedule, pairingReviewSchedule } from './schedules/store-schedule-kinds.ts'

const config = loadConfig()
requireProductionSecrets(config)
const logger = createLogger('worker', config.LOG_LEVEL)
// The SDK's own messages go through the same JSON log; its INFO chatter (webpack output) is kept out.
const sdkLevel: LogLevel = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN'
const pinoLevel = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const
Runtime.install({
  logger: new DefaultLogger(sdkLevel, (entry) => logger[pinoLevel[entry.level]]({ sdk: entry.meta }, entry.message)),
})
if (!config.DATABASE_URL || !config.TEMPORAL_ADDRESS) {
  throw new Error('The worker needs DATABASE_URL and TEMPORAL_ADDRESS (`pnpm dev` sets both for the local stack).')
}

const db = createDatabase(config.DATABASE_URL, { onIdleError: (error) => logger.warn({ err: error }, 'idle database connection lost') })
const dataConverter = await journeyDataConverter(config.CROSSWISE_PAYLOAD_KEY, config.CROSSWISE_PREVIOUS_PAYLOAD_KEYS)
const cipher = ApiKeyCipher.fromSecret(config.CROSSWISE_PAYLOAD_KEY, config.CROSSWISE_PREVIOUS_PAYLOAD_KEYS)
const security = temporalSecurity(config)
const workerConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS, ...security })
const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, ...security })
const client = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE, dataConverter })

const worker = await createJourneyWorker({
  connection: workerConnection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.CROSSWISE_TASK_QUEUE,
  dataConverter,
  // Each store's own Klaviyo key, else KLAVIYO_API_KEY, else a dry run into the outbox.
  activities: createActivities({
    db,
    klaviyo: {
      cipher,
      ...(config.KLAVIYO_API_KEY ? { defaultApiKey: config.KLAVIYO_API_KEY } : {}),
      ...(config.KLAVIYO_BASE_URL ? { connection: { basePath: config.KLAVIYO_BASE_URL } } : {}),
    },
    catalogue: { cipher, ...(config.SHOPIFY_ADMIN_URL ? { shopifyBaseUrl: config.SHOPIFY_ADMIN_URL } : {}) },
  }),
  ...(config.CROSSWISE_WORKFLOW_BUNDLE ? { workflowBundlePath: config.CROSSWISE_WORKFLOW_BUNDLE } : {}),
  maxConcurrentActivityTaskExecutions: config.CROSSWISE_WORKER_MAX_ACTIVITIES,
  maxConcurrentWorkflowTaskExecutions: config.CROSSWISE_WORKER_MAX_WORKFLOW_TASKS,
})
const dispatcher = new Dispatcher({
  db,
  client,
  taskQueue: config.CROSSWISE_TASK_QUEUE,
  logger,
  batchSize: config.CROSSWISE_DISPATCH_BATCH,
  idleMs: config.CROSSWISE_DISPATCH_IDLE_MS,
  callTimeoutMs: config.CROSSWISE_TEMPORAL_CALL_TIMEOUT_MS,
})
// Redacted customers' journeys and erased stores leave Temporal too.
const eraser = new JourneyEraser({ db, client, logger, idleMs: 5_000, callTimeoutMs: config.CROSSWISE_TEMPORAL_CALL_TIMEOUT_MS })
// Every closed journey run gets its outcome row, for reports and `crosswise` queries.
const outcomes = new JourneyOutcomeRecorder({
  db,
  client,
  logger,
  idleMs: 15_000,
  callTimeoutMs: config.CROSSWISE_TEMPORAL_CALL_TIMEOUT_MS,
})

// One Temporal Schedule per store and kind. A look for stores created or connected since costs one
// small query, so new stores get theirs within minutes, even if Temporal was unreachable at the time.
const schedules = [
  { kind: pairingRefreshSchedule, cron: config.CROSSWISE_PAIRING_REFRESH_CRON },
  { kind: pairingReviewSchedule, cron: config.CROSSWISE_PAIRING_REVIEW_CRON },
  { kind: catalogueSyncSchedule, cron: config.CROSSWISE_CATALOGUE_SYNC_CRON },
].map(
  ({ kind, cron }) =>
    new StoreScheduleKeeper({
      kind,
      cron,
      client,
      db,
      logger,
      taskQueue: config.CROSSWISE_TASK_QUEUE,
      callTimeoutMs: config.CROSSWISE_TEMPORAL_CALL_TIMEOUT_MS,
      everyMs: 5 * 60_000,
    }),
)

// The SDK's own signal handling shuts the worker down on SIGINT/SIGTERM; run() then resolves. Under
// `crosswise dev` the IPC channel to the dev process closing means that process is gone: stop too.
process.once('disconnect', () => worker.shutdown())
dispatcher.start()
eraser.start()
outcomes.start()
for (const keeper of schedules) keeper.start()
logger.info({ taskQueue: config.CROSSWISE_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS }, 'worker started')
await worker.run()
await dispatcher.stop()
await eraser.stop()
await outcomes.stop()
for (const keeper of schedules) await keeper.stop()
await clientConnection.close()
await workerConnection.close()
await db.destroy()
logger.info('worker stopped')
