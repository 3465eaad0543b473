import { randomBytes } from 'node:crypto'
import { ApiKeyCipher, createDatabase, ensureStore, migrateToLatest, saveKlaviyoAccount, type Db } from '@crosswise/db'
import { createTestDatabase, startFakeKlaviyo, type FakeKlaviyo } from '@crosswise/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { UsageError } from '../src/command.ts'
import { klaviyoSetupCommand } from '../src/commands/klaviyo-setup.ts'
import { capture } from './capture-output.ts'

const payloadKey = randomBytes(32).toString('base64')
// The fake accepts only the store's own key: a run that used any other key would get 401s.
const storeKey = 'pk_teashop00000000000000000000001234'

describe('crosswise klaviyo setup --store', () => {
  let url: string
  let db: Db
  let fake: FakeKlaviyo
  const setup = (...args: string[]) =>
    capture(() => klaviyoSetupCommand.run(['setup', '--template-only', '--base-url', fake.url, '--database-url', url, ...args]))

  beforeAll(async () => {
    url = await createTestDatabase('cli_klaviyo_setup')
    db = createDatabase(url)
    await migrateToLatest(db)
    fake = await startFakeKlaviyo({ apiKeys: [storeKey] })
    for (const storeId of ['tea-shop', 'keyless-shop']) await ensureStore(db, storeId, { name: storeId, currency: 'EUR' })
    await saveKlaviyoAccount(db, ApiKeyCipher.fromSecret(payloadKey), 'tea-shop', {
      apiKey: storeKey,
      metricName: 'Tea Shop Recommendation',
    })
  })
  afterEach(() => vi.unstubAllEnvs())
  afterAll(async () => {
    expect(fake?.specViolations).toEqual([])
    await fake?.close()
    await db?.destroy()
  })

  it("sets up the store's own account with its sealed key and its metric name", async () => {
    vi.stubEnv('CROSSWISE_PAYLOAD_KEY', payloadKey)
    vi.stubEnv('KLAVIYO_API_KEY', 'pk_default0000000000000000000000000')
    const { code, out, err } = await setup('--store', 'tea-shop')
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toContain("Klaviyo account: the key of store 'tea-shop' (ending 1234)")
    expect(out).toContain('Metric "Tea Shop Recommendation": not in this account yet')
    expect(out).toContain('Trigger: Metric → "Tea Shop Recommendation"')
    expect(out).not.toContain(storeKey)
    expect(fake.state.templates.size).toBe(1)
    // By default one template renders every variant's layout, as each email's event says.
    const [template] = fake.state.templates.values()
    expect(template).toMatchObject({
      name: 'Crosswise recommendation (per-email)',
      html: expect.stringContaining("{% if event.layout == 'grid' %}"),
    })
    expect(fake.requests.filter((request) => request.status === 401)).toEqual([])
  })

  it('says clearly when the store is unknown, has no key of its own, or its key does not open', async () => {
    vi.stubEnv('CROSSWISE_PAYLOAD_KEY', payloadKey)
    const unknown = await setup('--store', 'no-such-shop')
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining("store 'no-such-shop' is not known") })
    const keyless = await setup('--store', 'keyless-shop')
    expect(keyless).toMatchObject({ code: 1, err: expect.stringContaining("store 'keyless-shop' has no Klaviyo key of its own") })
    expect(keyless.err).toContain('PUT /v1/admin/stores/keyless-shop/klaviyo')

    vi.stubEnv('CROSSWISE_PAYLOAD_KEY', randomBytes(32).toString('base64'))
    const otherSecret = await setup('--store', 'tea-shop')
    expect(otherSecret).toMatchObject({ code: 1, err: expect.stringContaining('another CROSSWISE_PAYLOAD_KEY') })
    vi.stubEnv('CROSSWISE_PAYLOAD_KEY', '')
    const noSecret = await setup('--store', 'tea-shop')
    expect(noSecret).toMatchObject({ code: 1, err: expect.stringContaining('CROSSWISE_PAYLOAD_KEY is not set') })
    vi.stubEnv('CROSSWISE_PAYLOAD_KEY', 'too-short')
    expect(await setup('--store', 'tea-shop')).toMatchObject({
      code: 1,
      err: expect.stringContaining('CROSSWISE_PAYLOAD_KEY is not usable'),
    })
    for (const result of [unknown, keyless, otherSecret, noSecret]) expect(result.err).not.toContain(storeKey)
    expect(fake.requests.filter((request) => request.status === 401)).toEqual([])
  })

  it('refuses a wrong invocation: --store with --api-key, a bad store id, no database', async () => {
    await expect(setup('--store', 'tea-shop', '--api-key', storeKey)).rejects.toThrow(new UsageError('pass --api-key or --store, not both'))
    await expect(setup('--store', 'Tea Shop')).rejects.toThrow(/--store must be a store id/)
    vi.stubEnv('DATABASE_URL', '')
    await expect(capture(() => klaviyoSetupCommand.run(['setup', '--store', 'tea-shop']))).rejects.toThrow(
      /set DATABASE_URL or pass --database-url/,
    )
  })
})
