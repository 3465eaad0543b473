import { randomBytes } from 'node:crypto'
import {
  ApiKeyCipher,
  createDatabase,
  ensureStore,
  migrateToLatest,
  removeKlaviyoAccount,
  saveKlaviyoAccount,
  type Db,
} from '@crosswise/db'
import { createTestDatabase, startFakeKlaviyo, uniqueId, type FakeKlaviyo } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KlaviyoGateways } from '../src/activities/klaviyo-gateways.ts'

const storeKey = 'pk_store0000000000000000000000000001'
const defaultKey = 'pk_default000000000000000000000000002'

describe("each store's Klaviyo gateway", () => {
  let db: Db
  let fake: FakeKlaviyo
  const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('klaviyo_gateways'))
    await migrateToLatest(db)
    fake = await startFakeKlaviyo({ apiKeys: [storeKey, defaultKey] })
  })
  afterAll(async () => {
    await fake?.close()
    await db?.destroy()
  })

  async function givenStores(): Promise<[string, string]> {
    const [own, shared] = [uniqueId('own'), uniqueId('shared')]
    for (const id of [own, shared]) await ensureStore(db, id, { name: id, currency: 'EUR' })
    await saveKlaviyoAccount(db, cipher, own, { apiKey: storeKey, metricName: 'Tea Pairing' })
    return [own, shared]
  }

  it("uses the store's own key and metric, else the default key, one gateway per key", async () => {
    const [own, shared] = await givenStores()
    const gateways = new KlaviyoGateways(db, { cipher, defaultApiKey: defaultKey, connection: { basePath: fake.url, timeoutMs: 2_000 } })
    const ownGateway = await gateways.forStore(own)
    expect(await gateways.forStore(own)).toBe(ownGateway)
    const sharedGateway = await gateways.forStore(shared)
    expect(sharedGateway).not.toBe(ownGateway)
    expect(await gateways.forStore(uniqueId('another-keyless'))).toBe(sharedGateway)

    const customer = { storeId: own, customerId: 'c-1', email: 'ada@example.com' }
    await ownGateway!.upsertProfile(customer)
    await ownGateway!.sendRecommendation({
      customer,
      idempotencyKey: `${own}:1:email-1`,
      journeyStep: 'first',
      triggerProduct: { productId: 'kettle', title: 'Kettle', url: 'https://shop.example/kettle', price: '30.00' },
      products: [{ productId: 'tea', title: 'Tea', url: 'https://shop.example/tea', price: '12.50' }],
      value: '12.50',
      currency: 'EUR',
    })
    expect(fake.state.events.find((event) => event.uniqueId === `${own}:1:email-1`)?.metricName).toBe('Tea Pairing')

    // Removing the store's account falls back to the default key at once.
    await removeKlaviyoAccount(db, own)
    expect(await gateways.forStore(own)).toBe(sharedGateway)
  })

  it('has no gateway for a store without a key when no default key is configured', async () => {
    const [own, shared] = await givenStores()
    const gateways = new KlaviyoGateways(db, { cipher, connection: { basePath: fake.url } })
    expect(await gateways.forStore(own)).toBeDefined()
    expect(await gateways.forStore(shared)).toBeUndefined()
  })

  it('fails loudly when a stored key cannot be opened with the configured secret', async () => {
    const [own] = await givenStores()
    const otherSecret = new KlaviyoGateways(db, { cipher: ApiKeyCipher.fromSecret(randomBytes(32).toString('base64')) })
    await expect(otherSecret.forStore(own)).rejects.toThrow(/another CROSSWISE_PAYLOAD_KEY/)
    await expect(new KlaviyoGateways(db).forStore(own)).rejects.toThrow(/not set/)
  })
})
