import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ApiKeyCipher,
  createDatabase,
  ensureStore,
  loadKlaviyoAccount,
  migrateToLatest,
  saveKlaviyoAccount,
  resealStoredSecrets,
  type Db,
} from '../src/index.ts'

describe('resealStoredSecrets: Klaviyo keys', () => {
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
    expect((await resealStoredSecrets(db, plain)).klaviyoKeys).toBe(0)
    expect(await stored()).toEqual(['plain:pk_north_1234', 'plain:pk_south_5678'])

    expect((await resealStoredSecrets(db, sealing)).klaviyoKeys).toBe(2)
    const sealed = await stored()
    expect(sealed.every((value) => value.startsWith('aes-256-gcm:') && !value.includes('pk_'))).toBe(true)
    expect(await loadKlaviyoAccount(db, sealing, 'north')).toEqual({ apiKey: 'pk_north_1234' })
    expect(await loadKlaviyoAccount(db, sealing, 'south')).toEqual({ apiKey: 'pk_south_5678', metricName: 'Cross-sell' })
    expect((await resealStoredSecrets(db, sealing)).klaviyoKeys).toBe(0)
    expect(await stored()).toEqual(sealed)
  })

  it('seals them again under a new key, which then opens them alone', async () => {
    const previous = Buffer.alloc(32, 7).toString('base64')
    const rotated = ApiKeyCipher.fromSecret(Buffer.alloc(32, 9).toString('base64'), [previous])
    const before = await stored()
    expect((await resealStoredSecrets(db, rotated)).klaviyoKeys).toBe(2)
    const after = await stored()
    expect(after.every((value, index) => rotated.isCurrent(value) && value !== before[index])).toBe(true)
    const newKeyOnly = ApiKeyCipher.fromSecret(Buffer.alloc(32, 9).toString('base64'))
    expect(await loadKlaviyoAccount(db, newKeyOnly, 'north')).toEqual({ apiKey: 'pk_north_1234' })
    await expect(loadKlaviyoAccount(db, sealing, 'north')).rejects.toThrow(/another CROSSWISE_PAYLOAD_KEY/)
    expect((await resealStoredSecrets(db, rotated)).klaviyoKeys).toBe(0)
  })
})
