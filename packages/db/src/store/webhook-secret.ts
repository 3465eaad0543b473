import { sql } from 'kysely'
import { ApiKeyCipher } from '../api-key-cipher.ts'
import type { Db } from '../database.ts'

/**
 * A store's Shopify webhook secret as its stored form holds it: sealed (or marked plain) like the
 * stores' API keys, or, for a row written before secrets were sealed, as it was given. Throws
 * `ApiKeyCipherError` when a sealed secret does not open under this cipher.
 */
export function openWebhookSecret(cipher: ApiKeyCipher, storeId: string, stored: string): string {
  return ApiKeyCipher.isStoredForm(stored) ? cipher.open(storeId, stored) : stored
}

/**
 * Seals every webhook secret stored before secrets were sealed, or while no key was configured.
 * Whoever can read the database could otherwise sign webhooks for those shops. Without a key, does
 * nothing. Returns how many it sealed; a secret changed meanwhile keeps its new value.
 */
export async function sealPlainWebhookSecrets(db: Db, cipher: ApiKeyCipher): Promise<number> {
  if (!cipher.encrypts) return 0
  const rows = await db
    .selectFrom('stores')
    .select(['id', 'shopify_webhook_secret'])
    .where('shopify_webhook_secret', 'is not', null)
    .where(sql<boolean>`shopify_webhook_secret not like ${`${ApiKeyCipher.sealedMarker}%`}`)
    .execute()
  let sealed = 0
  for (const row of rows) {
    const stored = row.shopify_webhook_secret!
    const result = await db
      .updateTable('stores')
      .set({ shopify_webhook_secret: cipher.seal(row.id, openWebhookSecret(cipher, row.id, stored)) })
      .where('id', '=', row.id)
      .where('shopify_webhook_secret', '=', stored)
      .executeTakeFirst()
    sealed += Number(result.numUpdatedRows)
  }
  return sealed
}
