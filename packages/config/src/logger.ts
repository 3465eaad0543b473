import { pino, type Logger } from 'pino'

export type { Logger }

/**
 * A structured JSON logger named after the process part that owns it. In a terminal the dev stack
 * pipes it through pino-pretty; in production it stays one JSON object per line.
 */
export function createLogger(name: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { service: name } })
}
