import { describe, expect, it } from 'vitest'
import { createOutboxGateway, type OutboxEntry, type OutboxStore } from './outbox-gateway.ts'

function memoryStore(accepts: boolean | null | 'no-customer' = null) {
  const entries = new Map<string, OutboxEntry>()
  const store: OutboxStore = {
    async write(entry) {
      if (!entries.has(entry.uniqueId)) entries.set(entry.uniqueId, entry)
    },
    async readEngagement(profileId) {
      return profileId === 'crosswise:acme:c1'
        ? [
            { id: 'e2', kind: 'clicked', at: new Date('2026-06-02T10:00:00Z') },
            { id: 'e1', kind: 'opened', at: new Date('2026-06-01T10:00:00Z') },
          ]
        : []
    },
    async readAcceptsMarketing() {
      return accepts === 'no-customer' ? undefined : accepts
    },
  }
  return { store, entries }
}

const recommendation = {
  customer: { storeId: 'acme', customerId: 'c1', email: 'Ada@Example.com' },
  idempotencyKey: 'acme:1001:email-1',
  journeyStep: 'first',
  triggerProduct: { productId: 'p1', title: 'Kettle', url: 'https://acme.test/p1', price: '20.00' },
  products: [{ productId: 'p2', title: 'Tea', url: 'https://acme.test/p2', price: '5.50' }],
  value: '5.50',
  currency: 'eur',
}

describe('createOutboxGateway', () => {
  it('writes the exact Klaviyo event once per idempotency key', async () => {
    const { store, entries } = memoryStore()
    const gateway = createOutboxGateway(store)
    await gateway.sendRecommendation(recommendation)
    await gateway.sendRecommendation(recommendation)
    expect(entries.size).toBe(1)
    const entry = entries.get('acme:1001:email-1')!
    expect(entry).toMatchObject({ storeId: 'acme', customerId: 'c1', profileId: 'crosswise:acme:c1', metric: 'Crosswise Recommendation' })
    expect(entry.body).toMatchObject({
      data: {
        type: 'event',
        attributes: {
          uniqueId: 'acme:1001:email-1',
          valueCurrency: 'EUR',
          profile: { data: { attributes: { email: 'ada@example.com', externalId: 'crosswise:acme:c1' } } },
          properties: { journey_step: 'first', recommended_products: [{ product_id: 'p2' }] },
        },
      },
    })
  })

  it('answers consent from the store’s own flag under the store’s opt-in rule', async () => {
    const policy = { requireExplicitOptIn: true }
    expect((await createOutboxGateway(memoryStore(true).store).readConsent('a@b.c', policy)).canSend).toBe(true)
    expect(await createOutboxGateway(memoryStore(null).store).readConsent('a@b.c', policy)).toMatchObject({
      canSend: false,
      reason: 'opt-in-required',
    })
    expect((await createOutboxGateway(memoryStore(null).store).readConsent('a@b.c', { requireExplicitOptIn: false })).canSend).toBe(true)
    expect(await createOutboxGateway(memoryStore(false).store).readConsent('a@b.c', policy)).toMatchObject({ canSend: false })
    expect(await createOutboxGateway(memoryStore('no-customer').store).readConsent('a@b.c', policy)).toMatchObject({ reason: 'no-profile' })
  })

  it('reads recorded engagement of the profile, oldest first, of the kinds asked for', async () => {
    const gateway = createOutboxGateway(memoryStore().store)
    const { profileId } = await gateway.upsertProfile(recommendation.customer)
    const events = await gateway.readEngagement({ profileId, since: '2026-06-01T00:00:00Z' })
    expect(events.map((event) => event.kind)).toEqual(['opened', 'clicked'])
    expect(await gateway.readEngagement({ profileId, since: '2026-06-01T00:00:00Z', kinds: ['clicked'] })).toHaveLength(1)
  })
})
