import { type FakeKlaviyo, startFakeKlaviyo } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKlaviyoClients, createSdkGateway, KlaviyoPacer, setupRecommendationFlow } from '../src/index.ts'

let fake: FakeKlaviyo

beforeAll(async () => {
  // An account before `crosswise klaviyo setup`: no Crosswise flow yet.
  fake = await startFakeKlaviyo({ crosswiseFlow: false })
})

afterAll(async () => {
  expect(fake.specViolations).toEqual([])
  await fake.close()
})

const request = {
  layout: 'single-product' as const,
  metricName: 'Crosswise Recommendation',
  templateName: 'Crosswise recommendation',
  flowName: 'Crosswise cross-sell',
  subject: 'Goes well with your order',
  createFlow: true,
}

describe('setupRecommendationFlow against the fake Klaviyo', () => {
  it('creates only the template while the metric does not exist yet', async () => {
    const clients = createKlaviyoClients({ apiKey: 'pk_setup', basePath: fake.url, pacer: new KlaviyoPacer() })
    const result = await setupRecommendationFlow(clients, request)
    expect(result).toEqual({ templateId: expect.any(String) })
    expect(fake.state.templates.get(result.templateId)?.html).toContain('{{ event.recommended_products.0.title }}')
    expect(fake.state.flows.size).toBe(0)
  })

  it('creates the metric-triggered flow, Smart Sending off, once the metric exists', async () => {
    const pacer = new KlaviyoPacer()
    await createSdkGateway({ apiKey: 'pk_setup', basePath: fake.url, pacer }).sendRecommendation({
      customer: { storeId: 's', customerId: 'c', email: 'first@example.com' },
      idempotencyKey: 's:o:first',
      journeyStep: 'first',
      triggerProduct: { productId: 'p1', title: 'Teapot', url: 'https://shop.example/p1', price: '24.00' },
      products: [{ productId: 'p2', title: 'Cups', url: 'https://shop.example/p2', price: '12.50' }],
      value: '12.50',
      currency: 'EUR',
    })
    const result = await setupRecommendationFlow(createKlaviyoClients({ apiKey: 'pk_setup', basePath: fake.url, pacer }), request)
    const metric = fake.state.metrics.find((m) => m.name === 'Crosswise Recommendation')
    expect(result).toEqual({ templateId: expect.any(String), metricId: metric?.id, flowId: expect.any(String) })
    // The wire shape (snake_case) proves the SDK mapped our camelCase definition, valid per the spec.
    expect(fake.state.flows.get(result.flowId!)?.definition).toMatchObject({
      triggers: [{ type: 'metric', id: metric?.id }],
      entry_action_id: 'crosswise-email',
      actions: [{ type: 'send-email', data: { message: { template_id: result.templateId, smart_sending_enabled: false } } }],
    })
  })
})
