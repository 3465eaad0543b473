export { ConfigError, configSchema, loadConfig, requireProductionSecrets, workspaceRoot, type Config } from './config.ts'
export { createLogger, type Logger } from './logger.ts'
export { temporalSecurity, type TemporalSecurity } from './temporal-connection.ts'
