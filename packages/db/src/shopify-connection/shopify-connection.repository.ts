import { sql, type Selectable } from 'kysely'
import { type ApiKeyCipher } from '../api-key-cipher.ts'
import type { Db } from '../database.ts'
import type { ShopifyConnectionTable } from './shopify-connection.table.ts'

/** A store's access to its shop's Admin API, token opened, for the catalogue sync. */
export interface ShopifyAdminConnection {
  shopDomain: string
  accessToken: string
  /** Admin API version, e.g. `2026-10`. */
  apiVersion: string
}

/** What a store's Shopify connection looks like to people: never the token, only its last four characters. */
export interface ShopifyConnectionSummary {
  configured: boolean
  shopDomain?: string
  accessTokenLast4?: string
  apiVersion?: string
  updatedAt?: Date
  lastSyncedAt?: Date
  /** What the last catalogue sync did (its summary). */
  lastSync?: Record<string, unknown>
}

/**
 * How saving went: saved; no such store; or the store is connected to another shop, or the shop to
 * another store (`conflict`), in which case nothing changed.
 */
export type ShopifyConnectionSave =
  { status: 'saved'; summary: ShopifyConnectionSummary } | { status: 'unknown-store' } | { status: 'conflict'; reason: string }

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505'
}

/**
 * Sets (or replaces) a store's Shopify Admin API connection. The shop must be the store's own
 * `shopify_domain`, which is set here when the store has none yet (webhooks name the shop by it);
 * both change in one transaction.
 */
export async function saveShopifyConnection(
  db: Db,
  cipher: ApiKeyCipher,
  storeId: string,
  connection: ShopifyAdminConnection,
): Promise<ShopifyConnectionSave> {
  try {
    return await db.transaction().execute(async (trx) => {
      const store = await trx.selectFrom('stores').select('shopify_domain').where('id', '=', storeId).forUpdate().executeTakeFirst()
      if (!store) return { status: 'unknown-store' as const }
      if (store.shopify_domain && store.shopify_domain !== connection.shopDomain) {
        return {
          status: 'conflict' as const,
          reason: `Store '${storeId}' is connected to ${store.shopify_domain}, not ${connection.shopDomain}.`,
        }
      }
      if (!store.shopify_domain) {
        await trx
          .updateTable('stores')
          .set({ shopify_domain: connection.shopDomain, updated_at: sql<Date>`now()` })
          .where('id', '=', storeId)
          .execute()
      }
      const values = {
        shop_domain: connection.shopDomain,
        access_token_sealed: cipher.seal(storeId, connection.accessToken),
        access_token_last4: connection.accessToken.slice(-4),
        api_version: connection.apiVersion,
      }
      const row = await trx
        .insertInto('shopify_connections')
        .values({ store_id: storeId, ...values })
        .onConflict((oc) => oc.column('store_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
        .returningAll()
        .executeTakeFirstOrThrow()
      return { status: 'saved' as const, summary: summary(row) }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'conflict', reason: `Shop ${connection.shopDomain} belongs to another store.` }
    throw error
  }
}

/** Removes a store's Shopify connection (its catalogue is kept; webhooks still update it). */
export async function removeShopifyConnection(db: Db, storeId: string): Promise<boolean> {
  const result = await db.deleteFrom('shopify_connections').where('store_id', '=', storeId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Whether a store has a Shopify connection, and its last sync, without opening its token. */
export async function describeShopifyConnection(db: Db, storeId: string): Promise<ShopifyConnectionSummary> {
  const row = await db.selectFrom('shopify_connections').selectAll().where('store_id', '=', storeId).executeTakeFirst()
  return row ? summary(row) : { configured: false }
}

/** A store's Shopify connection with its token opened, if it has one. */
export async function loadShopifyConnection(db: Db, cipher: ApiKeyCipher, storeId: string): Promise<ShopifyAdminConnection | undefined> {
  const row = await db
    .selectFrom('shopify_connections')
    .select(['shop_domain', 'access_token_sealed', 'api_version'])
    .where('store_id', '=', storeId)
    .executeTakeFirst()
  if (!row) return undefined
  return { shopDomain: row.shop_domain, accessToken: cipher.open(storeId, row.access_token_sealed), apiVersion: row.api_version }
}

/** The ids of every store with a Shopify connection, in id order. */
export async function listShopifyConnectedStoreIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('shopify_connections').select('store_id').orderBy('store_id').execute()
  return rows.map((row) => row.store_id)
}

/** Notes what a finished catalogue sync did, for the admin API. */
export async function recordCatalogueSync(db: Db, storeId: string, finishedAt: Date, result: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('shopify_connections')
    .set({ last_synced_at: finishedAt, last_sync: JSON.stringify(result) })
    .where('store_id', '=', storeId)
    .execute()
}

function summary(row: Selectable<ShopifyConnectionTable>): ShopifyConnectionSummary {
  return {
    configured: true,
    shopDomain: row.shop_domain,
    accessTokenLast4: row.access_token_last4,
    apiVersion: row.api_version,
    updatedAt: row.updated_at,
    ...(row.last_synced_at ? { lastSyncedAt: row.last_synced_at } : {}),
    ...(row.last_sync ? { lastSync: row.last_sync } : {}),
  }
}
