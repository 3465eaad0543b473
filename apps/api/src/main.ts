import { fileURLToPath } from 'node:url'
import { createLogger, loadConfig, requireProductionSecrets, temporalSecurity } from '@crosswise/config'
import { ApiKeyCipher, createDatabase, resealStoredSecrets } from '@crosswise/db'
import { journeyDataConverter } from '@crosswise/journeys'
import { checkKlaviyoKey } from '@crosswise/klaviyo'
import { checkShopifyAccess } from '@crosswise/shopify'
import { Client, Connection } from '@temporalio/client'
import { buildServer } from './server.ts'
import { defaultDeliveryRetention } from './webhooks/shopify/delivery-retention.ts'

const config = loadConfig()
requireProductionSecrets(config)
const logger = createLogger('api', config.LOG_LEVEL)
if (!config.DATABASE_URL) throw new Error('The API needs DATABASE_URL (`pnpm dev` sets it for the local stack).')

const db = createDatabase(config.DATABASE_URL, {
  maxConnections: config.CROSSWISE_API_DB_CONNECTIONS,
  preparedStatements: config.CROSSWISE_API_PREPARED_STATEMENTS,
  pipeline: true,
  onIdleError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
})
// Lazy: the API starts and takes orders while Temporal is down; only journey admin calls need it.
const temporalConnection = config.TEMPORAL_ADDRESS
  ? Connection.lazy({ address: config.TEMPORAL_ADDRESS, ...temporalSecurity(config) })
  : undefined
const dataConverter = await journeyDataConverter(config.CROSSWISE_PAYLOAD_KEY, config.CROSSWISE_PREVIOUS_PAYLOAD_KEYS)
const temporal = temporalConnection && new Client({ connection: temporalConnection, namespace: config.TEMPORAL_NAMESPACE, dataConverter })
const [payloadCodec] = dataConverter.payloadCodecs
const apiKeyCipher = ApiKeyCipher.fromSecret(config.CROSSWISE_PAYLOAD_KEY, config.CROSSWISE_PREVIOUS_PAYLOAD_KEYS)
// Secrets saved before CROSSWISE_PAYLOAD_KEY was set, or under a previous key, are sealed under it now.
await resealStoredSecrets(db, apiKeyCipher).then(
  (resealed) =>
    Object.values(resealed).some((count) => count > 0) && logger.info(resealed, 'sealed stored secrets under the current payload key'),
  (error: unknown) => logger.warn({ err: error }, 'could not seal stored secrets under the current key; will try again at the next start'),
)
const app = await buildServer({
  db,
  ...(temporal ? { temporal } : {}),
  ...(payloadCodec ? { payloadCodec } : {}),
  apiKeyCipher,
  checkShopifyAccess: (connection) =>
    checkShopifyAccess({ ...connection, ...(config.SHOPIFY_ADMIN_URL ? { baseUrl: config.SHOPIFY_ADMIN_URL } : {}) }),
  taskQueue: config.CROSSWISE_TASK_QUEUE,
  temporalCallTimeoutMs: config.CROSSWISE_TEMPORAL_CALL_TIMEOUT_MS,
  checkKlaviyoKey: (apiKey) => checkKlaviyoKey(apiKey, { ...(config.KLAVIYO_BASE_URL ? { basePath: config.KLAVIYO_BASE_URL } : {}) }),
  temporalUiOrigins: [`http://localhost:${config.CROSSWISE_TEMPORAL_UI_PORT}`, `http://127.0.0.1:${config.CROSSWISE_TEMPORAL_UI_PORT}`],
  dashboardDir: config.CROSSWISE_DASHBOARD_DIR ?? fileURLToPath(new URL('../../dashboard/dist', import.meta.url)),
  temporalUi: {
    url: config.CROSSWISE_TEMPORAL_UI_URL ?? `http://localhost:${config.CROSSWISE_TEMPORAL_UI_PORT}`,
    namespace: config.TEMPORAL_NAMESPACE,
  },
  logger,
  bodyLimit: config.CROSSWISE_API_BODY_LIMIT,
  ...(config.CROSSWISE_STORE_RATE_LIMIT > 0
    ? { storeRateLimit: { perSecond: config.CROSSWISE_STORE_RATE_LIMIT, burst: 2 * config.CROSSWISE_STORE_RATE_LIMIT } }
    : {}),
  deliveryRetention: { ...defaultDeliveryRetention, keepMs: config.CROSSWISE_WEBHOOK_RETENTION_HOURS * 3_600_000 },
  ...(config.CROSSWISE_ADMIN_TOKEN ? { adminToken: config.CROSSWISE_ADMIN_TOKEN } : {}),
  ...(config.CROSSWISE_CODEC_TOKEN ? { codecToken: config.CROSSWISE_CODEC_TOKEN } : {}),
})

let closing = false
const close = async (signal: string) => {
  if (closing) return
  closing = true
  logger.info({ signal }, 'API stopping')
  await app.close()
  await temporalConnection?.close()
  await db.destroy()
}
process.on('SIGINT', () => void close('SIGINT'))
process.on('SIGTERM', () => void close('SIGTERM'))
// Under `crosswise dev`, the IPC channel closing means the dev process is gone (even by SIGKILL).
process.once('disconnect', () => void close('parent exited'))

await app.listen({ host: config.CROSSWISE_API_HOST, port: config.CROSSWISE_API_PORT })
