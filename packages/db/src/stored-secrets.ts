import { sql } from 'kysely'
import { type ApiKeyCipher } from './api-key-cipher.ts'
import type { Db } from './database.ts'
import { openWebhookSecret } from './store/webhook-secret.ts'

/** A column holding a sealed secret per store, and how its stored form opens. */
interface SecretColumn {
  table: 'klaviyo_accounts' | 'shopify_connections' | 'stores'
  storeColumn: 'store_id' | 'id'
  column: 'api_key_sealed' | 'access_token_sealed' | 'shopify_webhook_secret'
  open: (cipher: ApiKeyCipher, storeId: string, stored: string) => string
}

const opened = (cipher: ApiKeyCipher, storeId: string, stored: string) => cipher.open(storeId, stored)
const secretColumns = {
  klaviyoKeys: { table: 'klaviyo_accounts', storeColumn: 'store_id', column: 'api_key_sealed', open: opened },
  shopifyTokens: { table: 'shopify_connections', storeColumn: 'store_id', column: 'access_token_sealed', open: opened },
  // Secrets written before sealing existed are stored as given: openWebhookSecret knows them.
  webhookSecrets: { table: 'stores', storeColumn: 'id', column: 'shopify_webhook_secret', open: openWebhookSecret },
} satisfies Record<string, SecretColumn>

/** How many secrets of each kind were sealed (again) under the current key. */
export type ResealedSecrets = Record<keyof typeof secretColumns, number>

/**
 * Seals every stored secret (Klaviyo keys, Shopify access tokens, Shopify webhook secrets) that is
 * not sealed under the cipher's current key: kept plain while no key was configured, or sealed under
 * a previous key (key rotation). Whoever reads the database could otherwise use them. Without a key,
 * does nothing. A secret changed meanwhile keeps its new value.
 */
export async function resealStoredSecrets(db: Db, cipher: ApiKeyCipher): Promise<ResealedSecrets> {
  const counts = { klaviyoKeys: 0, shopifyTokens: 0, webhookSecrets: 0 }
  const current = cipher.currentPrefix
  if (current === undefined) return counts
  for (const [kind, { table, storeColumn, column, open }] of Object.entries(secretColumns) as Array<
    [keyof ResealedSecrets, SecretColumn]
  >) {
    // Only what needs sealing is read: at most starts, nothing.
    const { rows } = await sql<{ store_id: string; stored: string }>`
      select ${sql.ref(storeColumn)} as store_id, ${sql.ref(column)} as stored from ${sql.table(table)}
      where ${sql.ref(column)} is not null and left(${sql.ref(column)}, ${current.length}) <> ${current}`.execute(db)
    for (const row of rows) {
      const resealed = cipher.seal(row.store_id, open(cipher, row.store_id, row.stored))
      const result = await sql`
        update ${sql.table(table)} set ${sql.ref(column)} = ${resealed}
        where ${sql.ref(storeColumn)} = ${row.store_id} and ${sql.ref(column)} = ${row.stored}`.execute(db)
      counts[kind] += Number(result.numAffectedRows ?? 0n)
    }
  }
  return counts
}
