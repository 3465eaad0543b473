export { ConfigError, configSchema, loadConfig, workspaceRoot, type Config } from './config.ts'
export { createLogger, type Logger } from './logger.ts'
