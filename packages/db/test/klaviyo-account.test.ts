import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ApiKeyCipher,
  createDatabase,
  ensureStore,
  loadKlaviyoAccount,
  migrateToLatest,
  saveKlaviyoAccount,
  sealPlainKlaviyoKeys,
  type Db,
} from '../src/index.ts'

describe('sealPlainKlaviyoKeys', () => {
  let db: Db
  const plain = ApiKeyCipher.fromSecret(undefined)
  const sealing = ApiKeyCipher.fromSecret(Buffer.alloc(32, 7).toString('base64'))
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('klaviyo_account_sealing'))
    await migrateToLatest(db)
    for (const store of ['north', 'south']) await ensureStore(db, store, { name: store, currency: 'EUR' })
  })
  afterAll(async () => db?.destroy())

  const stored = async () =>
    (await db.selectFrom('klaviyo_accounts').select(['store_id', 'api_key_sealed']).orderBy('store_id').execute()).map(
      (row) => row.api_key_sealed,
    )

  it('seals the keys saved while no secret was set, once, and they open to the same keys', async () => {
    await saveKlaviyoAccount(db, plain, 'north', { apiKey: 'pk_north_1234' })
    await saveKlaviyoAccount(db, plain, 'south', { apiKey: 'pk_south_5678', metricName: 'Cross-sell' })
    expect(await sealPlainKlaviyoKeys(db, plain)).toBe(0)
    expect(await stored()).toEqual(['plain:pk_north_1234', 'plain:pk_south_5678'])

    expect(await sealPlainKlaviyoKeys(db, sealing)).toBe(2)
    const sealed = await stored()
    expect(sealed.every((value) => value.startsWith('aes-256-gcm:') && !value.includes('pk_'))).toBe(true)
    expect(await loadKlaviyoAccount(db, sealing, 'north')).toEqual({ apiKey: 'pk_north_1234' })
    expect(await loadKlaviyoAccount(db, sealing, 'south')).toEqual({ apiKey: 'pk_south_5678', metricName: 'Cross-sell' })
    expect(await sealPlainKlaviyoKeys(db, sealing)).toBe(0)
    expect(await stored()).toEqual(sealed)
  })
})
