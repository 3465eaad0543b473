import type { Kysely } from 'kysely'
import { Migrator, type MigrationResultSet } from 'kysely/migration'
import { migrations } from '../migrations/index.ts'

/** Thrown when a migration fails; names the migration and carries PostgreSQL's message. */
export class MigrationError extends Error {
  override name = 'MigrationError'
}

/**
 * Brings the schema to the latest version. Safe to run on every start and from several processes at
 * once: Kysely takes a lock table, and applied migrations are skipped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: migrations describe their own
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Unordered: migrations written on parallel branches may land with a lower name than one a
  // developer's database already has; each still runs exactly once.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true })
  const outcome: MigrationResultSet = await migrator.migrateToLatest()
  const failed = outcome.results?.find((result) => result.status === 'Error')
  if (outcome.error) {
    const detail = outcome.error instanceof Error ? outcome.error.message : String(outcome.error)
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${detail}`)
  }
  return (outcome.results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
