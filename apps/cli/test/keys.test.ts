import { randomBytes } from 'node:crypto'
import { ApiKeyCipher, createDatabase, ensureStore, loadKlaviyoAccount, migrateToLatest, saveKlaviyoAccount, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../src/cli.ts'
import { capture } from './capture-output.ts'

describe('crosswise keys rotate', () => {
  const oldKey = randomBytes(32).toString('base64')
  const newKey = randomBytes(32).toString('base64')
  let url: string
  let db: Db
  beforeAll(async () => {
    url = await createTestDatabase('cli_keys')
    db = createDatabase(url)
    await migrateToLatest(db)
    await ensureStore(db, 'north', { name: 'North', currency: 'EUR' })
    await saveKlaviyoAccount(db, ApiKeyCipher.fromSecret(oldKey), 'north', { apiKey: 'pk_north_secret_1234' })
  })
  afterEach(() => vi.unstubAllEnvs())
  afterAll(async () => db?.destroy())

  it('seals the stored secrets again under the new key, after which the old key is no longer needed', async () => {
    vi.stubEnv('CROSSWISE_PAYLOAD_KEY', newKey)
    vi.stubEnv('CROSSWISE_PREVIOUS_PAYLOAD_KEYS', ` ${oldKey} ,`)
    const rotated = await capture(() => runCli(['keys', 'rotate', '--database-url', url]))
    expect(rotated).toMatchObject({ code: 0, err: '' })
    expect(rotated.out).toContain('Sealed under the current key: 1 Klaviyo key(s), 0 Shopify token(s), 0 webhook secret(s)')
    expect(await loadKlaviyoAccount(db, ApiKeyCipher.fromSecret(newKey), 'north')).toEqual({ apiKey: 'pk_north_secret_1234' })
    const again = await capture(() => runCli(['keys', 'rotate', '--database-url', url]))
    expect(again.out).toContain('0 Klaviyo key(s)')
  })

  it('says what is missing instead of guessing', async () => {
    vi.stubEnv('CROSSWISE_PAYLOAD_KEY', '')
    expect(await capture(() => runCli(['keys', 'rotate', '--database-url', url]))).toMatchObject({
      code: 2,
      err: expect.stringContaining('set CROSSWISE_PAYLOAD_KEY to the new key') as unknown,
    })
    expect((await capture(() => runCli(['keys']))).err).toContain('say what to do: rotate')
  })
})
