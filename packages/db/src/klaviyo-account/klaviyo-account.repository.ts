import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { type ApiKeyCipher } from '../api-key-cipher.ts'

/** What a store's Klaviyo account looks like to people: never the key, only its last four characters. */
export interface KlaviyoAccountSummary {
  configured: boolean
  apiKeyLast4?: string
  metricName?: string
  updatedAt?: Date
}

/** A store's own Klaviyo account, key opened, for the worker's gateway. */
export interface KlaviyoAccount {
  apiKey: string
  metricName?: string
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23503'
}

/** Sets (or replaces) a store's Klaviyo account. Returns undefined for an unknown store. */
export async function saveKlaviyoAccount(
  db: Db,
  cipher: ApiKeyCipher,
  storeId: string,
  account: KlaviyoAccount,
): Promise<KlaviyoAccountSummary | undefined> {
  const values = {
    api_key_sealed: cipher.seal(storeId, account.apiKey),
    api_key_last4: account.apiKey.slice(-4),
    metric_name: account.metricName ?? null,
  }
  try {
    const row = await db
      .insertInto('klaviyo_accounts')
      .values({ store_id: storeId, ...values })
      .onConflict((oc) => oc.column('store_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
      .returning(['api_key_last4', 'metric_name', 'updated_at'])
      .executeTakeFirstOrThrow()
    return summary(row)
  } catch (error) {
    if (isForeignKeyViolation(error)) return undefined
    throw error
  }
}

/** Removes a store's Klaviyo account (it falls back to `KLAVIYO_API_KEY` or the dry run). */
export async function removeKlaviyoAccount(db: Db, storeId: string): Promise<boolean> {
  const result = await db.deleteFrom('klaviyo_accounts').where('store_id', '=', storeId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Whether a store has its own Klaviyo account, without opening its key. */
export async function describeKlaviyoAccount(db: Db, storeId: string): Promise<KlaviyoAccountSummary> {
  const row = await db
    .selectFrom('klaviyo_accounts')
    .select(['api_key_last4', 'metric_name', 'updated_at'])
    .where('store_id', '=', storeId)
    .executeTakeFirst()
  return row ? summary(row) : { configured: false }
}

/** A store's own Klaviyo account with its key opened, if it has one. */
export async function loadKlaviyoAccount(db: Db, cipher: ApiKeyCipher, storeId: string): Promise<KlaviyoAccount | undefined> {
  const row = await db
    .selectFrom('klaviyo_accounts')
    .select(['api_key_sealed', 'metric_name'])
    .where('store_id', '=', storeId)
    .executeTakeFirst()
  if (!row) return undefined
  return { apiKey: cipher.open(storeId, row.api_key_sealed), ...(row.metric_name ? { metricName: row.metric_name } : {}) }
}

function summary(row: { api_key_last4: string; metric_name: string | null; updated_at: Date }): KlaviyoAccountSummary {
  return {
    configured: true,
    apiKeyLast4: row.api_key_last4,
    ...(row.metric_name ? { metricName: row.metric_name } : {}),
    updatedAt: row.updated_at,
  }
}
