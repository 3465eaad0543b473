import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ApiKeyCipher,
  createDatabase,
  ensureStore,
  listShopifyConnectedStoreIds,
  loadShopifyConnection,
  migrateToLatest,
  removeShopifyConnection,
  saveShopifyConnection,
  resealStoredSecrets,
  type Db,
} from '../src/index.ts'

describe('Shopify connections', () => {
  let db: Db
  const plain = ApiKeyCipher.fromSecret(undefined)
  const sealing = ApiKeyCipher.fromSecret(Buffer.alloc(32, 9).toString('base64'))
  const connection = (shop: string, accessToken = `shpat_${shop}_0000000000000000`) => ({
    shopDomain: `${shop}.myshopify.com`,
    accessToken,
    apiVersion: '2026-10',
  })
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('shopify_connections'))
    await migrateToLatest(db)
    for (const store of ['north', 'south', 'west']) await ensureStore(db, store, { name: store, currency: 'EUR' })
  })
  afterAll(async () => db?.destroy())

  const shopOf = async (storeId: string) =>
    (await db.selectFrom('stores').select('shopify_domain').where('id', '=', storeId).executeTakeFirstOrThrow()).shopify_domain

  it('sets the store’s shop with the connection, and refuses another shop or a shop another store has', async () => {
    expect(await saveShopifyConnection(db, sealing, 'north', connection('north'))).toMatchObject({
      status: 'saved',
      summary: { configured: true, accessTokenLast4: '0000' },
    })
    expect(await shopOf('north')).toBe('north.myshopify.com')
    expect(await saveShopifyConnection(db, sealing, 'north', connection('elsewhere'))).toEqual({
      status: 'conflict',
      reason: "Store 'north' is connected to north.myshopify.com, not elsewhere.myshopify.com.",
    })
    expect(await saveShopifyConnection(db, sealing, 'south', connection('north'))).toEqual({
      status: 'conflict',
      reason: 'Shop north.myshopify.com belongs to another store.',
    })
    expect(await shopOf('south')).toBeNull()
    expect(await saveShopifyConnection(db, sealing, 'nobody', connection('nobody'))).toEqual({ status: 'unknown-store' })
    expect(await listShopifyConnectedStoreIds(db)).toEqual(['north'])
    expect(await loadShopifyConnection(db, sealing, 'north')).toEqual(connection('north'))
  })

  it('seals the tokens saved while no secret was set, once, and they open to the same tokens', async () => {
    await saveShopifyConnection(db, plain, 'south', connection('south'))
    await saveShopifyConnection(db, plain, 'west', connection('west'))
    const stored = async () =>
      (await db.selectFrom('shopify_connections').select('access_token_sealed').orderBy('store_id').execute()).map(
        (row) => row.access_token_sealed,
      )
    expect((await stored()).filter((value) => value.startsWith('plain:'))).toHaveLength(2)
    expect((await resealStoredSecrets(db, plain)).shopifyTokens).toBe(0)
    expect((await resealStoredSecrets(db, sealing)).shopifyTokens).toBe(2)
    expect((await stored()).every((value) => value.startsWith('aes-256-gcm:') && !value.includes('shpat_'))).toBe(true)
    expect(await loadShopifyConnection(db, sealing, 'west')).toEqual(connection('west'))
    expect((await resealStoredSecrets(db, sealing)).shopifyTokens).toBe(0)

    expect(await removeShopifyConnection(db, 'west')).toBe(true)
    expect(await listShopifyConnectedStoreIds(db)).toEqual(['north', 'south'])
    expect(await shopOf('west')).toBe('west.myshopify.com')
  })
})
