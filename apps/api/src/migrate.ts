// One-shot schema migration for deployments: the compose stack's `migrate` service runs this before
// the API and the worker start (`pnpm dev` migrates the embedded database itself).
import { createLogger, loadConfig } from '@crosswise/config'
import { createDatabase, migrateToLatest } from '@crosswise/db'

const config = loadConfig()
const logger = createLogger('migrate', config.LOG_LEVEL)
if (!config.DATABASE_URL) throw new Error('Migrations need DATABASE_URL.')

const db = createDatabase(config.DATABASE_URL, { maxConnections: 1 })
try {
  const applied = await migrateToLatest(db)
  logger.info({ applied }, applied.length > 0 ? `applied ${applied.length} migration(s)` : 'schema already up to date')
} catch (error) {
  logger.error({ err: error }, 'migration failed')
  process.exitCode = 1
} finally {
  await db.destroy()
}
