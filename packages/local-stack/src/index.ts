export {
  ensureDatabase,
  reachablePostgresDataFolder,
  startEmbeddedPostgres,
  type LocalPostgres,
  type LocalPostgresOptions,
} from './embedded-postgres.ts'
export type { DataFolderChoice } from './postgres-data-folder.ts'
export { assertPortFree, freePort, PortInUseError } from './ports.ts'
export { TemporalBinaryMissingError, temporalCliPath, temporalTestServerPath } from './temporal-binaries.ts'
export {
  startTemporalDevServer,
  waitForFrontend,
  type SearchAttributeDeclaration,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from './temporal-dev-server.ts'
