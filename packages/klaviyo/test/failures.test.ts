import { type FakeKlaviyo, startFakeKlaviyo } from '@crosswise/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createKlaviyoClients,
  createSdkGateway,
  KlaviyoPacer,
  KlaviyoRejectedError,
  KlaviyoRetryableError,
  type Recommendation,
} from '../src/index.ts'

let fake: FakeKlaviyo

beforeAll(async () => {
  fake = await startFakeKlaviyo()
})

beforeEach(() => fake.clearFaults())

afterAll(async () => {
  expect(fake.specViolations).toEqual([])
  await fake.close()
})

const gatewayFor = (options: { timeoutMs?: number; maxRetryAfterWaitMs?: number; apiKey?: string } = {}) =>
  createSdkGateway({ apiKey: 'pk_failures', basePath: fake.url, pacer: new KlaviyoPacer(), timeoutMs: 2_000, ...options })

const send = (key: string): Recommendation => ({
  customer: { storeId: 's', customerId: key, email: `${key}@example.com` },
  idempotencyKey: key,
  journeyStep: 'first',
  triggerProduct: { productId: 'p-1', title: 'Teapot', url: 'https://shop.example/teapot', price: '24.00' },
  products: [{ productId: 'p-2', title: 'Cups', url: 'https://shop.example/cups', price: '12.50' }],
  value: '12.50',
  currency: 'EUR',
})

const attempts = (key: string) => fake.requests.filter((r) => r.operationId === 'create_event').length - before(key)
const counts = new Map<string, number>()
const before = (key: string) => counts.get(key) ?? 0
const mark = (key: string) => counts.set(key, fake.requests.filter((r) => r.operationId === 'create_event').length)

describe('failure handling', () => {
  it('waits out a 429 Retry-After within pacing, then succeeds', async () => {
    mark('429')
    fake.injectFault({ fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, operationId: 'create_event' })
    const started = Date.now()
    await gatewayFor().sendRecommendation(send('429'))
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
    expect(attempts('429')).toBe(2)
    expect(fake.state.events.filter((event) => event.uniqueId === '429')).toHaveLength(1)
  })

  it('hands a 429 up as retryable when Retry-After exceeds what a call may wait', async () => {
    mark('long-429')
    fake.injectFault({ fault: { kind: 'rate-limit', retryAfterSeconds: 30 }, operationId: 'create_event' })
    const error = await gatewayFor({ maxRetryAfterWaitMs: 1_000 })
      .sendRecommendation(send('long-429'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KlaviyoRetryableError)
    expect(error).toMatchObject({ reason: 'rate-limited', status: 429, retryAfterMs: 30_000 })
    expect(attempts('long-429')).toBe(1)
  })

  it('fails a 5xx once as retryable, leaving retries to Temporal (the SDK would have retried a 503)', async () => {
    mark('503')
    fake.injectFault({ fault: { kind: 'server-error', status: 503 }, operationId: 'create_event' })
    const error = await gatewayFor()
      .sendRecommendation(send('503'))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ retryable: true, reason: 'server-error', status: 503 })
    expect(attempts('503')).toBe(1)
  })

  it("fails a 4xx without retry and with Klaviyo's detail", async () => {
    mark('401')
    const error = await gatewayFor({ apiKey: 'not-a-key' })
      .sendRecommendation(send('401'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KlaviyoRejectedError)
    expect(error).toMatchObject({ retryable: false, status: 401, details: [{ code: 'authentication_failed' }] })
    expect(attempts('401')).toBe(1)
  })

  it('reports a body Klaviyo rejects with the pointer to the bad field', async () => {
    const clients = createKlaviyoClients({ apiKey: 'pk_failures', basePath: fake.url, pacer: new KlaviyoPacer() })
    const invalid = {
      data: { type: 'event', attributes: { properties: {}, metric: { data: { type: 'metric', attributes: { name: 'X' } } } } },
    }
    const error = await clients.events.createEvent(invalid as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KlaviyoRejectedError)
    expect((error as KlaviyoRejectedError).details).toContainEqual(
      expect.objectContaining({ code: 'invalid', pointer: '/data/attributes', detail: expect.stringContaining("'profile'") }),
    )
  })

  it('cuts a hanging call off at the timeout as retryable', async () => {
    fake.injectFault({ fault: { kind: 'hang' }, operationId: 'get_profiles' })
    const started = Date.now()
    const error = await gatewayFor({ timeoutMs: 300 })
      .readConsent('hang@example.com', { requireExplicitOptIn: false })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KlaviyoRetryableError)
    expect(error).toMatchObject({ reason: 'timeout' })
    // The fake never answers: only the gateway's timeout can have ended the call (bound kept loose for loaded machines).
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('lets a slow answer within the timeout through', async () => {
    fake.injectFault({ fault: { kind: 'slow', delayMs: 200 }, operationId: 'get_profiles' })
    // A generous timeout: the point is that a slow answer is not cut short, on a loaded machine too.
    const consent = await gatewayFor({ timeoutMs: 10_000 }).readConsent('slow@example.com', { requireExplicitOptIn: false })
    expect(consent.reason).toBe('no-profile')
  })
})
