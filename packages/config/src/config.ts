import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { z } from 'zod'

const port = z.coerce.number().int().min(1).max(65535)
const positiveInt = z.coerce.number().int().positive()
/** A schedule: a cron expression in UTC (five fields) or a Temporal shorthand such as `@every 6h`. */
const cron = z
  .string()
  .trim()
  .regex(/^(@\S+( \S+)?|\S+( \S+){4})$/, 'a cron expression such as "0 3 * * *" or "@every 6h"')
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))

/**
 * Every environment variable Crosswise reads, with its default. Unknown variables are ignored;
 * a bad value fails at start-up with the variable's name.
 */
export const configSchema = z.object({
  CROSSWISE_DATA_DIR: optionalText,
  DATABASE_URL: optionalText,
  CROSSWISE_PG_PORT: port.default(54329),
  TEMPORAL_ADDRESS: optionalText,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** API key of a hosted Temporal (Temporal Cloud); sent over TLS. */
  TEMPORAL_API_KEY: optionalText,
  /** `on`: connect to Temporal over TLS with the system's roots (implied by the key or the files below). */
  TEMPORAL_TLS: z.enum(['on', 'off']).default('off'),
  /** PEM files: the CA that signed the server's certificate, and this client's certificate and key (mTLS). */
  TEMPORAL_TLS_CA_FILE: optionalText,
  TEMPORAL_TLS_CERT_FILE: optionalText,
  TEMPORAL_TLS_KEY_FILE: optionalText,
  /** Server name to expect in the server's certificate, when it differs from the address's host. */
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  CROSSWISE_TASK_QUEUE: z.string().min(1).default('crosswise-journeys'),
  CROSSWISE_TEMPORAL_PORT: port.default(7233),
  CROSSWISE_TEMPORAL_UI_PORT: port.default(8233),
  /** The Temporal UI's address as the dashboard's users reach it; unset: `http://localhost:{CROSSWISE_TEMPORAL_UI_PORT}`. */
  /** The built dashboard the API serves at /dashboard/; unset: `apps/dashboard/dist` of this checkout. */
  CROSSWISE_DASHBOARD_DIR: optionalText,
  CROSSWISE_TEMPORAL_UI_URL: optionalText.pipe(z.url().optional()),
  CROSSWISE_API_HOST: z.string().min(1).default('127.0.0.1'),
  CROSSWISE_API_PORT: port.default(3000),
  CROSSWISE_API_BODY_LIMIT: positiveInt.default(1_048_576),
  /**
   * Requests per second each store may make through its own routes and its Shopify webhooks, per API
   * process, with bursts of twice as many; beyond it the answer is 429 with Retry-After. 0: no limit.
   */
  CROSSWISE_STORE_RATE_LIMIT: z.coerce.number().int().min(0).default(1_000),
  /** PostgreSQL connections of the API's pool: with fewer than requests in flight, requests queue for one. */
  CROSSWISE_API_DB_CONNECTIONS: positiveInt.default(32),
  /** Distinct statements the API prepares per connection; 0 for a pooler that cannot keep prepared statements. */
  CROSSWISE_API_PREPARED_STATEMENTS: z.coerce.number().int().min(0).default(200),
  /** Hours a webhook delivery is kept for dedupe, then deleted; Shopify retries for 48 h at most. */
  CROSSWISE_WEBHOOK_RETENTION_HOURS: positiveInt.default(168),
  /** Bearer token of the admin API (stores, policies); unset keeps the admin API closed. */
  CROSSWISE_ADMIN_TOKEN: optionalText,
  /** A credential that only decodes payloads: the Temporal UI's codec endpoint carries it in its path (`/codec/{token}`). */
  CROSSWISE_CODEC_TOKEN: optionalText,
  CROSSWISE_WORKER_MAX_ACTIVITIES: positiveInt.default(100),
  /**
   * Workflow tasks one worker holds at once. They run one after another on its workflow thread, and a
   * task's 10 s timeout runs from when the worker takes it: more than a few queued behind each other
   * on a busy machine time out and come back, which loads it further.
   */
  CROSSWISE_WORKER_MAX_WORKFLOW_TASKS: positiveInt.default(10),
  CROSSWISE_WORKFLOW_BUNDLE: optionalText,
  CROSSWISE_DISPATCH_BATCH: positiveInt.default(100),
  CROSSWISE_DISPATCH_IDLE_MS: positiveInt.default(250),
  CROSSWISE_TEMPORAL_CALL_TIMEOUT_MS: positiveInt.default(5_000),
  /**
   * When each store's mined pairings are refreshed: a cron expression in UTC (five fields, or a
   * Temporal shorthand such as `@every 6h`). Default: daily at 03:00 UTC.
   */
  CROSSWISE_PAIRING_REFRESH_CRON: cron.default('0 3 * * *'),
  /**
   * When each Shopify-connected store's catalogue is synced from the Admin API: a cron expression in
   * UTC, or a Temporal shorthand. Default: every six hours, on the hour.
   */
  CROSSWISE_CATALOGUE_SYNC_CRON: cron.default('0 */6 * * *'),
  /**
   * When each store's pairings are reviewed (retiring those that do not convert): a cron expression
   * in UTC, or a Temporal shorthand. Default: monthly, on the 1st at 04:00 UTC.
   */
  CROSSWISE_PAIRING_REVIEW_CRON: cron.default('0 4 1 * *'),
  /** Origin of the Shopify Admin API instead of each shop's own; point it at a fake Shopify for demos. */
  SHOPIFY_ADMIN_URL: optionalText.pipe(z.url().optional()),
  /** Klaviyo private key of stores that have none of their own; unset: those stores run dry. */
  KLAVIYO_API_KEY: optionalText,
  /** Klaviyo's origin; point it at a fake Klaviyo for demos. Unset: `https://a.klaviyo.com`. */
  KLAVIYO_BASE_URL: optionalText.pipe(z.url().optional()),
  /** Base64 AES-256 key (32 bytes) that encrypts journey payloads in Temporal; unset: not encrypted. */
  CROSSWISE_PAYLOAD_KEY: optionalText,
  /**
   * Keys CROSSWISE_PAYLOAD_KEY replaced, comma-separated: they still decrypt the payloads and open the
   * store secrets they encrypted, until `crosswise keys rotate` has sealed the secrets again and the
   * histories they encrypted have passed the namespace's retention.
   */
  CROSSWISE_PREVIOUS_PAYLOAD_KEYS: optionalText.transform((keys) =>
    (keys ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key.length > 0),
  ),
  /**
   * `npm run dev` on an empty database creates a demo store from the shipped Online Retail data and
   * replays its latest weeks through the real path; `off` starts an empty stack.
   */
  CROSSWISE_DEMO: z.enum(['on', 'off']).default('on'),
  /** Real seconds a day of the demo lasts: journeys' delays, waits and the replay are compressed alike. */
  CROSSWISE_DEMO_DAY_SECONDS: z.coerce.number().positive().max(86_400).default(4),
  /** Weeks of the data's end the demo replays (the history before them is imported and mined). */
  CROSSWISE_DEMO_WEEKS: positiveInt.max(52).default(4),
  /** Weeks of history before those the demo imports and mines; unset: all the data has. */
  CROSSWISE_DEMO_HISTORY_WEEKS: positiveInt.max(520).optional(),
  /** Customers whose orders in those weeks the demo replays (the first to order in them). */
  CROSSWISE_DEMO_CUSTOMERS: positiveInt.default(300),
  /** `production` in the images: then a payload key is required (see `requireProductionSecrets`). */
  NODE_ENV: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

type RawConfig = z.infer<typeof configSchema>

/** Crosswise's typed configuration, resolved from the environment. */
export interface Config extends RawConfig {
  /** Folder for embedded PostgreSQL data, the Temporal dev server's SQLite file and logs. */
  dataDir: string
  /** Folder with the project's tools (the Temporal CLI and test server). */
  toolsDir: string
}

/** Thrown when an environment variable has a value Crosswise cannot use. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads and validates the environment. Relative folders resolve against the workspace root
 * (the folder holding pnpm-workspace.yaml), so every app agrees on where data lives.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const root = workspaceRoot()
  return {
    ...parsed.data,
    dataDir: resolve(root, parsed.data.CROSSWISE_DATA_DIR ?? '.data'),
    toolsDir: resolve(root, env.CROSSWISE_TOOLS_DIR ?? '.tools'),
  }
}

/**
 * In production (`NODE_ENV=production`, as the images set it) the API and the worker refuse to start
 * without `CROSSWISE_PAYLOAD_KEY`: unencrypted, Temporal would keep every journey's customer data in
 * its histories as plain JSON and stores' keys would sit in PostgreSQL in clear.
 */
export function requireProductionSecrets(config: Config): void {
  if (config.NODE_ENV === 'production' && !config.CROSSWISE_PAYLOAD_KEY)
    throw new ConfigError('CROSSWISE_PAYLOAD_KEY is required in production (openssl rand -base64 32); see DEPLOY.md.')
}

/** The folder holding pnpm-workspace.yaml above the current directory, or the current directory. */
export function workspaceRoot(from: string = process.cwd()): string {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return resolve(from)
    dir = parent
  }
}
