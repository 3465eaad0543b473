import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'

/** What decides where PostgreSQL can keep its data: the folder asked for, and who can reach what. */
export interface DataDirFacts {
  /** The data folder the configuration names (`CROSSWISE_DATA_DIR/postgres`). */
  configured: string
  /** Whether the server runs as another user than this process (as root: the `postgres` user). */
  runsAsOtherUser: boolean
  /** The first folder above `configured` that other users may not enter, if any. */
  blockedAboveConfigured: string | undefined
  /** The system's temp folder. */
  tempDir: string
  /** The first folder above the temp folder's own data folders that other users may not enter, if any. */
  blockedAboveTemp: string | undefined
}

/** Where PostgreSQL keeps its data, and, when that is not the configured folder, why. */
export type DataDirChoice = { dataDir: string } | { dataDir: string; movedBecause: string } | { error: string }

/**
 * The data folder to use. The configured one, unless the server runs as another user who cannot enter
 * a folder above it (a checkout inside a private `mktemp -d`): then a folder of its own in the system's
 * temp folder, named by a hash of the configured path, so every later run from the same checkout finds
 * the same data again and two checkouts never share one.
 */
export function choosePostgresDataDir(facts: DataDirFacts): DataDirChoice {
  if (!facts.runsAsOtherUser || facts.blockedAboveConfigured === undefined) return { dataDir: facts.configured }
  if (facts.blockedAboveTemp !== undefined) {
    return {
      error:
        `PostgreSQL runs as the 'postgres' user, which can enter neither ${facts.blockedAboveConfigured} nor ` +
        `${facts.blockedAboveTemp} (TMPDIR). Set CROSSWISE_DATA_DIR to a folder it can reach, or allow it with: chmod o+x ${facts.blockedAboveConfigured}`,
    }
  }
  const key = createHash('sha256').update(resolve(facts.configured)).digest('hex').slice(0, 16)
  return {
    dataDir: join(facts.tempDir, `crosswise-postgres-data-${key}`),
    movedBecause: `the 'postgres' user cannot enter ${facts.blockedAboveConfigured}`,
  }
}
