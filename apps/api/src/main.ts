import { createLogger, loadConfig } from '@crosswise/config'
import { createDatabase } from '@crosswise/db'
import { buildServer } from './server.ts'

const config = loadConfig()
const logger = createLogger('api', config.LOG_LEVEL)
if (!config.DATABASE_URL) throw new Error('The API needs DATABASE_URL (`pnpm dev` sets it for the local stack).')

const db = createDatabase(config.DATABASE_URL, { onIdleError: (error) => logger.warn({ err: error }, 'idle database connection lost') })
const app = await buildServer({
  db,
  logger,
  bodyLimit: config.CROSSWISE_API_BODY_LIMIT,
  ...(config.CROSSWISE_ADMIN_TOKEN ? { adminToken: config.CROSSWISE_ADMIN_TOKEN } : {}),
})

let closing = false
const close = async (signal: string) => {
  if (closing) return
  closing = true
  logger.info({ signal }, 'API stopping')
  await app.close()
  await db.destroy()
}
process.on('SIGINT', () => void close('SIGINT'))
process.on('SIGTERM', () => void close('SIGTERM'))

await app.listen({ host: config.CROSSWISE_API_HOST, port: config.CROSSWISE_API_PORT })
