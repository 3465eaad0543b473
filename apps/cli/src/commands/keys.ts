import { loadConfig } from '@crosswise/config'
import { ApiKeyCipher, createDatabase, resealStoredSecrets } from '@crosswise/db'
import { z } from 'zod'
import { UsageError, type Command } from '../command.ts'
import { parseOptions } from '../command-options.ts'

const usage = 'crosswise keys rotate [--database-url URL]'

const argsSchema = z.object({
  'database-url': z.string().min(1).optional(),
})

/**
 * `crosswise keys rotate`: after CROSSWISE_PAYLOAD_KEY got a new key (the old one moved to
 * CROSSWISE_PREVIOUS_PAYLOAD_KEYS), seals every stored store secret again under the new key.
 */
export const keysCommand: Command = {
  name: 'keys',
  summary: 'Rotate the payload key: seal every stored Klaviyo key, Shopify token and webhook secret again under CROSSWISE_PAYLOAD_KEY',
  usage,
  options: [
    'rotate               seal again what a previous key (CROSSWISE_PREVIOUS_PAYLOAD_KEYS) or no key sealed',
    '--database-url URL   PostgreSQL to use (default DATABASE_URL, else the dev stack)',
  ],
  async run(args) {
    const [action, ...rest] = args
    if (action !== 'rotate') throw new UsageError(action === undefined ? 'say what to do: rotate' : `unknown action '${action}'`)
    const input = parseOptions(rest, argsSchema)
    const config = loadConfig()
    if (!config.CROSSWISE_PAYLOAD_KEY)
      throw new UsageError('set CROSSWISE_PAYLOAD_KEY to the new key, and the old one in CROSSWISE_PREVIOUS_PAYLOAD_KEYS')
    const cipher = ApiKeyCipher.fromSecret(config.CROSSWISE_PAYLOAD_KEY, config.CROSSWISE_PREVIOUS_PAYLOAD_KEYS)
    const db = createDatabase(
      input['database-url'] ?? config.DATABASE_URL ?? `postgres://postgres:crosswise@127.0.0.1:${config.CROSSWISE_PG_PORT}/crosswise`,
      { maxConnections: 1, statementTimeoutMs: 30_000 },
    )
    try {
      const resealed = await resealStoredSecrets(db, cipher)
      process.stdout.write(
        `Sealed under the current key: ${resealed.klaviyoKeys} Klaviyo key(s), ${resealed.shopifyTokens} Shopify token(s), ` +
          `${resealed.webhookSecrets} webhook secret(s); every other one already was.\n` +
          'Keep the old key in CROSSWISE_PREVIOUS_PAYLOAD_KEYS until the journeys running now have ended and their histories ' +
          "have passed the Temporal namespace's retention: their payloads stay encrypted under it.\n",
      )
      return 0
    } finally {
      await db.destroy()
    }
  },
}
