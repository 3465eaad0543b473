import { crosswiseFlow, type FakeKlaviyo, startFakeKlaviyo } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSdkGateway, KlaviyoPacer, type KlaviyoGateway, type Recommendation } from '../src/index.ts'

let fake: FakeKlaviyo
let gateway: KlaviyoGateway

beforeAll(async () => {
  fake = await startFakeKlaviyo()
  gateway = createSdkGateway({ apiKey: 'pk_store_one', basePath: fake.url, pacer: new KlaviyoPacer(), timeoutMs: 2_000 })
})

afterAll(async () => {
  // Every request the SDK made was valid per the spec (else a 400) and every answer was spec-shaped.
  expect(fake.requests.filter((request) => request.status !== 202 && request.status !== 200 && request.status !== 201)).toEqual([])
  expect(fake.specViolations).toEqual([])
  await fake.close()
})

function recommendation(email: string, key: string): Recommendation {
  return {
    customer: { storeId: 'store-1', customerId: `c-${email}`, email },
    idempotencyKey: key,
    journeyStep: 'first',
    triggerProduct: { productId: 'p-1', title: 'Teapot', url: 'https://shop.example/teapot', price: '24.00' },
    products: [
      { productId: 'p-2', title: 'Cups', url: 'https://shop.example/cups', imageUrl: 'https://cdn.example/c.jpg', price: '12.50' },
    ],
    discountCode: 'THANKS10',
    value: '12.50',
    currency: 'EUR',
  }
}

describe('SDK gateway against the fake Klaviyo', () => {
  it('creates a profile with email and namespaced external id, and updates the same one later', async () => {
    const first = await gateway.upsertProfile({ storeId: 'store-1', customerId: '42', email: 'ada@example.com' })
    const again = await gateway.upsertProfile({ storeId: 'store-1', customerId: '42', email: 'ADA@example.com' })
    expect(again.profileId).toBe(first.profileId)
    const profile = fake.state.profiles.get(first.profileId)
    expect(profile).toMatchObject({ email: 'ada@example.com', externalId: 'crosswise:store-1:42' })
  })

  it('records one event for a send retried with the same idempotency key', async () => {
    await gateway.sendRecommendation(recommendation('grace@example.com', 'store-1:order-1:first'))
    await gateway.sendRecommendation(recommendation('grace@example.com', 'store-1:order-1:first'))
    const events = fake.state.events.filter((event) => event.uniqueId === 'store-1:order-1:first')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ metricName: 'Crosswise Recommendation', value: 12.5, valueCurrency: 'EUR' })
    expect(events[0]?.properties).toMatchObject({
      journey_step: 'first',
      discount_code: 'THANKS10',
      trigger_product: { title: 'Teapot' },
      recommended_products: [{ title: 'Cups', image_url: 'https://cdn.example/c.jpg', price: '12.50' }],
    })
    const profile = fake.state.profiles.get(events[0]!.profileId)
    expect(profile?.externalId).toBe('crosswise:store-1:c-grace@example.com')
  })

  it('records a second event for a different step', async () => {
    await gateway.sendRecommendation(recommendation('alan@example.com', 'store-1:order-2:first'))
    await gateway.sendRecommendation({ ...recommendation('alan@example.com', 'store-1:order-2:follow-up'), journeyStep: 'follow-up' })
    expect(fake.state.events.filter((event) => event.uniqueId?.startsWith('store-1:order-2:'))).toHaveLength(2)
  })

  it('reads consent under the store policy', async () => {
    await gateway.upsertProfile({ storeId: 'store-1', customerId: 'k', email: 'ken@example.com' })
    expect(await gateway.readConsent('ken@example.com', { requireExplicitOptIn: false })).toMatchObject({
      canSend: true,
      reason: 'never-subscribed',
    })
    expect(await gateway.readConsent('ken@example.com', { requireExplicitOptIn: true })).toMatchObject({
      canSend: false,
      reason: 'opt-in-required',
    })
    fake.state.updateEmailMarketing({ email: 'ken@example.com' }, { consent: 'SUBSCRIBED' })
    expect(await gateway.readConsent('ken@example.com', { requireExplicitOptIn: true })).toMatchObject({
      canSend: true,
      reason: 'subscribed',
    })
    fake.state.updateEmailMarketing({ email: 'ken@example.com' }, { suppression: [{ reason: 'SPAM_COMPLAINT', timestamp: new Date() }] })
    expect(await gateway.readConsent('ken@example.com', { requireExplicitOptIn: false })).toEqual({
      canSend: false,
      reason: 'suppressed',
      consent: 'SUBSCRIBED',
      suppressions: ['SPAM_COMPLAINT'],
    })
    expect(await gateway.readConsent('nobody@example.com', { requireExplicitOptIn: false })).toMatchObject({
      canSend: false,
      reason: 'no-profile',
    })
  })

  it('reads opens and clicks since a time, across pages, oldest first', async () => {
    const { profileId } = await gateway.upsertProfile({ storeId: 'store-1', customerId: 'e', email: 'eve@example.com' })
    const since = new Date(Date.now() - 60 * 60_000)
    fake.state.recordEngagement({ profile: { id: profileId }, kind: 'opened', at: new Date(since.getTime() - 1_000) })
    for (let i = 0; i < 250; i += 1) {
      fake.state.recordEngagement({ profile: { id: profileId }, kind: 'opened', at: new Date(since.getTime() + i * 1_000) })
    }
    fake.state.recordEngagement({
      profile: { id: profileId },
      kind: 'clicked',
      at: new Date(since.getTime() + 500),
      url: 'https://shop.example/cups',
    })

    const events = await gateway.readEngagement({ profileId, since: since.toISOString() })
    expect(events.filter((event) => event.kind === 'opened')).toHaveLength(250)
    expect(events.filter((event) => event.kind === 'clicked')).toEqual([
      expect.objectContaining({ kind: 'clicked', url: 'https://shop.example/cups', at: new Date(since.getTime() + 500).toISOString() }),
    ])
    expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort())
    const clicksOnly = await gateway.readEngagement({ profileId, since: since.toISOString(), kinds: ['clicked'] })
    expect(clicksOnly).toHaveLength(1)
  })

  it('resolves engagement metric ids once through the paginated metrics listing', async () => {
    const listings = () => fake.requests.filter((request) => request.operationId === 'get_metrics').length
    const { profileId } = await gateway.upsertProfile({ storeId: 'store-1', customerId: 'm', email: 'mo@example.com' })
    await gateway.readEngagement({ profileId, since: new Date(0).toISOString() })
    const afterFirstRead = listings()
    // Five Klaviyo metrics at the fake's two per page: one listing takes three pages.
    expect(afterFirstRead).toBeGreaterThanOrEqual(3)
    await gateway.readEngagement({ profileId, since: new Date(0).toISOString() })
    expect(listings()).toBe(afterFirstRead)
  })

  it("branches only on Crosswise's flow: a newsletter's open and another flow's click are not ours", async () => {
    const triggerReads = () => fake.requests.filter((request) => request.operationId === 'get_ids_for_flows_triggered_by_metric').length
    const { profileId } = await gateway.upsertProfile({ storeId: 'store-1', customerId: 'n', email: 'nora@example.com' })
    const since = new Date(Date.now() - 60_000)
    const after = (seconds: number) => new Date(since.getTime() + seconds * 1_000)
    fake.state.recordEngagement({ profile: { id: profileId }, kind: 'opened', at: after(1), flowId: null })
    fake.state.recordEngagement({ profile: { id: profileId }, kind: 'clicked', at: after(2), flowId: 'WelcomeFlw' })
    expect(await gateway.readEngagement({ profileId, since: since.toISOString() })).toEqual([])

    fake.state.recordEngagement({ profile: { id: profileId }, kind: 'opened', at: after(3), messageId: 'XwMsg1' })
    const events = await gateway.readEngagement({ profileId, since: since.toISOString() })
    expect(events).toEqual([expect.objectContaining({ kind: 'opened', flowId: crosswiseFlow.id, messageId: 'XwMsg1' })])
    // The flows our metric triggers are read once, then kept: another flow's click does not reload them each time.
    expect(triggerReads()).toBe(1)
  })

  it('returns nothing for a profile without engagement', async () => {
    const { profileId } = await gateway.upsertProfile({ storeId: 'store-1', customerId: 'q', email: 'quiet@example.com' })
    expect(await gateway.readEngagement({ profileId, since: new Date(0).toISOString() })).toEqual([])
  })

  it('syncs products to the catalog in bulk jobs', async () => {
    const products = Array.from({ length: 120 }, (_, i) => ({
      externalId: `sku-${i}`,
      title: `Item ${i}`,
      url: `https://shop.example/p/${i}`,
      price: '5.00',
    }))
    const result = await gateway.syncCatalog(products)
    expect(result.jobIds).toHaveLength(2)
    expect(fake.state.catalogItems.size).toBe(120)
  })
})

describe('fake Klaviyo admin route', () => {
  it('produces a click that the gateway then reads back', async () => {
    const { profileId } = await gateway.upsertProfile({ storeId: 'store-1', customerId: 'z', email: 'zoe@example.com' })
    const answer = await fetch(`${fake.url}/__admin/engagement`, {
      method: 'POST',
      body: JSON.stringify({ email: 'zoe@example.com', kind: 'clicked' }),
    })
    expect(answer.status).toBe(201)
    const events = await gateway.readEngagement({ profileId, since: new Date(Date.now() - 60_000).toISOString() })
    expect(events.map((event) => event.kind)).toEqual(['clicked'])
  })
})
