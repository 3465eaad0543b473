import type { JourneyPolicy, Store, StoreSettings } from '@crosswise/domain'
import { sql, type Selectable } from 'kysely'
import type { Db } from '../database.ts'
import { parseStorePolicy } from './store-policy.ts'
import type { StoreTable } from './store.table.ts'

/** Thrown when a store id or shop domain is already taken. */
export class StoreConflictError extends Error {
  override name = 'StoreConflictError'
}

function toStore(row: Selectable<StoreTable>): Store {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency.trim(),
    timeZone: row.time_zone,
    // The webhook secret as stored: sealed (openWebhookSecret opens it).
    ...(row.shopify_domain && row.shopify_webhook_secret
      ? { shopify: { domain: row.shopify_domain, webhookSecret: row.shopify_webhook_secret } }
      : {}),
    ...(row.api_token_hash ? { apiTokenHash: row.api_token_hash } : {}),
    policy: parseStorePolicy(row.id, row.policy),
    ...(row.product_url_template ? { productUrlTemplate: row.product_url_template } : {}),
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505'
}

/** Creates a store with the hash of its first API token; a taken id or shop domain throws StoreConflictError. */
export async function createStore(db: Db, id: string, settings: StoreSettings, apiTokenHash: string): Promise<Store> {
  try {
    const row = await db
      .insertInto('stores')
      .values({
        id,
        name: settings.name,
        currency: settings.currency,
        time_zone: settings.timeZone,
        policy: JSON.stringify(settings.policy ?? {}),
        shopify_domain: settings.shopify?.domain ?? null,
        shopify_webhook_secret: settings.shopify?.webhookSecret ?? null,
        api_token_hash: apiTokenHash,
        product_url_template: settings.productUrlTemplate ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toStore(row)
  } catch (error) {
    if (isUniqueViolation(error)) throw new StoreConflictError(`Store '${id}' or its shop domain already exists.`, { cause: error })
    throw error
  }
}

/**
 * Changes a store's settings; fields left undefined keep their value, `shopify: null` disconnects
 * the shop and `productUrlTemplate: null` removes the template. Returns undefined for an unknown store.
 */
export async function updateStore(
  db: Db,
  id: string,
  changes: Partial<Omit<StoreSettings, 'shopify' | 'productUrlTemplate'>> & {
    shopify?: StoreSettings['shopify'] | null
    productUrlTemplate?: string | null
  },
): Promise<Store | undefined> {
  try {
    const row = await db
      .updateTable('stores')
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.currency === undefined ? {} : { currency: changes.currency }),
        ...(changes.timeZone === undefined ? {} : { time_zone: changes.timeZone }),
        ...(changes.policy === undefined ? {} : { policy: JSON.stringify(changes.policy) }),
        ...(changes.shopify === undefined
          ? {}
          : { shopify_domain: changes.shopify?.domain ?? null, shopify_webhook_secret: changes.shopify?.webhookSecret ?? null }),
        ...(changes.productUrlTemplate === undefined ? {} : { product_url_template: changes.productUrlTemplate }),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
    return row && toStore(row)
  } catch (error) {
    if (isUniqueViolation(error))
      throw new StoreConflictError(`Shop domain ${changes.shopify?.domain} belongs to another store.`, { cause: error })
    throw error
  }
}

/** Replaces a store's journey policy. Returns undefined for an unknown store. */
export async function setStorePolicy(db: Db, id: string, policy: JourneyPolicy): Promise<Store | undefined> {
  return updateStore(db, id, { policy })
}

/** Replaces a store's API token hash; the old token stops working at once. */
export async function replaceStoreToken(db: Db, id: string, apiTokenHash: string): Promise<boolean> {
  const result = await db
    .updateTable('stores')
    .set({ api_token_hash: apiTokenHash, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** A store by id, with its policy parsed (defaults filled). */
export async function getStore(db: Db, id: string): Promise<Store | undefined> {
  const row = await db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toStore(row)
}

/** The id of the store whose API token has this hash, if any. */
export async function findStoreIdByTokenHash(db: Db, apiTokenHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('stores').select('id').where('api_token_hash', '=', apiTokenHash).executeTakeFirst()
  return row?.id
}

/** The store connected to a Shopify shop, with the secret that signs its webhooks. */
export async function findShopifyStore(
  db: Db,
  shopDomain: string,
): Promise<{ storeId: string; webhookSecret: string; currency: string } | undefined> {
  const row = await db
    .selectFrom('stores')
    .select(['id', 'shopify_webhook_secret', 'currency'])
    .where('shopify_domain', '=', shopDomain)
    .executeTakeFirst()
  if (!row?.shopify_webhook_secret) return undefined
  return { storeId: row.id, webhookSecret: row.shopify_webhook_secret, currency: row.currency.trim() }
}

/** Creates a store for imported history unless it exists (no token: the JSON API stays closed to it). */
export async function ensureStore(db: Db, id: string, settings: Pick<StoreSettings, 'name' | 'currency'>): Promise<void> {
  await db
    .insertInto('stores')
    .values({ id, name: settings.name, currency: settings.currency })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

/** Every store's id, in id order. */
export async function listStoreIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('stores').select('id').orderBy('id').execute()
  return rows.map((row) => row.id)
}
