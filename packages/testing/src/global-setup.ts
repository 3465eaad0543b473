import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '@crosswise/config'
import { journeySearchAttributes } from '@crosswise/domain'
import { freePort, startEmbeddedPostgres, startTemporalDevServer, temporalCliPath } from '@crosswise/local-stack'
import type { TestProject } from 'vitest/node'
import './provided-context.ts'

/**
 * Starts ONE PostgreSQL and ONE Temporal dev server for a whole integration run and tears both down
 * after it. `DATABASE_URL` / `TEMPORAL_ADDRESS` point the run at existing servers instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig()
  const stops: Array<() => Promise<void>> = []

  let postgresAdminUrl = config.DATABASE_URL
  if (!postgresAdminUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'crosswise-test-pg-'))
    const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'crosswise' })
    postgresAdminUrl = postgres.adminUrl
    stops.push(async () => {
      await postgres.stop()
      await rm(dataDir, { recursive: true, force: true })
    })
  }

  let temporalAddress = config.TEMPORAL_ADDRESS
  if (!temporalAddress) {
    const server = await startTemporalDevServer({
      binary: temporalCliPath(config.toolsDir),
      port: await freePort(),
      searchAttributes: journeySearchAttributes,
    })
    temporalAddress = server.address
    stops.push(() => server.stop())
  }

  project.provide('postgresAdminUrl', postgresAdminUrl)
  project.provide('temporalAddress', temporalAddress)
  return async () => {
    for (const stop of stops.reverse()) await stop()
  }
}
