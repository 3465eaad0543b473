import { createHash } from 'node:crypto'
import { join } from 'node:path'

/** What the choice of a data folder needs to know about the machine. */
export interface DataFolderFacts {
  /** The server runs as another user (`postgres`, when we are root), who must reach the folder. */
  runsAsOtherUser: boolean
  /** The first folder above a path that other users may not enter, if any. */
  blockedFolder(path: string): string | undefined
  /** A cluster was already initialised there. */
  hasCluster(path: string): boolean
  /** The system's temp folder, which every user may enter. */
  tempDir: string
}

/** Where embedded PostgreSQL keeps its data, and why it is not where it was asked to be. */
export interface DataFolderChoice {
  dataDir: string
  /** Set when the folder moved: the folder the `postgres` user cannot enter. */
  movedBecause?: string
}

/**
 * The data folder to use for a wanted one: the wanted folder, unless the server runs as another user
 * who cannot reach it (a checkout below a private folder, run as root) and no cluster lives there yet.
 * Then a folder of its own in the temp folder, named after the wanted one, so every later start
 * finds the same cluster.
 */
export function postgresDataFolder(wanted: string, facts: DataFolderFacts): DataFolderChoice {
  if (!facts.runsAsOtherUser || facts.hasCluster(wanted)) return { dataDir: wanted }
  const blocked = facts.blockedFolder(wanted)
  if (!blocked) return { dataDir: wanted }
  const key = createHash('sha256').update(wanted).digest('hex').slice(0, 16)
  return { dataDir: join(facts.tempDir, `crosswise-postgres-data-${key}`), movedBecause: blocked }
}
