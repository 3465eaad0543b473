import { readFileSync } from 'node:fs'

/** Who signs a request: the store's token, the admin token, the shop's webhook secret, or the codec credential. */
export type Credential = 'store' | 'admin' | 'webhook' | 'codec'

/** One valid request the fuzzer derives its mutants from. */
export interface Seed {
  name: string
  method: 'POST' | 'PUT' | 'PATCH'
  /** `{store}` stands for the fuzzed store's id. */
  path: string
  credential: Credential
  body: unknown
  /** The Shopify topic, for webhook seeds. */
  topic?: string
}

const shopifyFixture = (name: string): string => readFileSync(new URL(`../fixtures/shopify/${name}.json`, import.meta.url), 'utf8')

const order = {
  orderId: 'A-1',
  customer: { id: 'c-1', email: 'kim@example.com', firstName: 'Kim', timeZone: 'Europe/Berlin' },
  currency: 'EUR',
  placedAt: '2026-11-20T10:00:00Z',
  total: '20.00',
  lineItems: [
    { productId: 'mug', title: 'Mug', quantity: 2, unitPrice: '8.00', category: 'Kitchen' },
    { productId: 'tea', title: 'Tea', quantity: 1, unitPrice: '4.00' },
  ],
}

/**
 * A valid example of every write route that does not call out of the machine: the store's ingest
 * routes, the admin routes, the codec and each Shopify topic. (Connecting Klaviyo or Shopify asks
 * their APIs first; those routes' input is tested beside them.) The fuzz test sends each seed as it
 * is first (all must succeed), then thousands of mutants of them, then the seeds again: an answer
 * that was 2xx must still be, so no bad input may have blocked an order.
 */
export const seeds: Seed[] = [
  { name: 'order', method: 'POST', path: '/v1/stores/{store}/orders', credential: 'store', body: order },
  {
    name: 'guest order',
    method: 'POST',
    path: '/v1/stores/{store}/orders',
    credential: 'store',
    body: { ...order, orderId: 'A-2', customer: { email: 'guest@example.com' }, placedAt: '2026-11-21T09:00:00+01:00' },
  },
  {
    name: 'fulfillment',
    method: 'POST',
    path: '/v1/stores/{store}/fulfillments',
    credential: 'store',
    body: { fulfillmentId: 'F-1', orderId: 'A-1', fulfilledAt: '2026-11-21T10:00:00Z', lineItems: [{ productId: 'mug', quantity: 2 }] },
  },
  {
    name: 'refund',
    method: 'POST',
    path: '/v1/stores/{store}/refunds',
    credential: 'store',
    body: { refundId: 'R-1', orderId: 'A-1', refundedAt: '2026-11-23T10:00:00Z', amount: '4.00' },
  },
  {
    name: 'cancellation',
    method: 'POST',
    path: '/v1/stores/{store}/cancellations',
    credential: 'store',
    body: { orderId: 'A-2', cancelledAt: '2026-11-24T10:00:00Z', reason: 'customer' },
  },
  {
    name: 'product',
    method: 'POST',
    path: '/v1/stores/{store}/products',
    credential: 'store',
    body: {
      productId: 'mug',
      title: 'Mug',
      category: 'Kitchen',
      price: '8.00',
      currency: 'EUR',
      available: true,
      url: 'https://shop.example/mug',
      updatedAt: '2026-11-20T00:00:00Z',
    },
  },
  {
    name: 'store',
    method: 'POST',
    path: '/v1/admin/stores',
    credential: 'admin',
    body: { id: 'fuzz-new', name: 'New shop', currency: 'GBP', timeZone: 'Europe/London' },
  },
  {
    name: 'store update',
    method: 'PATCH',
    path: '/v1/admin/stores/{store}',
    credential: 'admin',
    body: { name: 'Renamed', timeZone: 'UTC' },
  },
  {
    name: 'policy',
    method: 'PUT',
    path: '/v1/admin/stores/{store}/policy',
    credential: 'admin',
    body: { delayMs: { 'first-time': 432_000_000, repeat: 345_600_000, vip: 259_200_000 }, holdoutShare: 0.1, maxEmailsPerJourney: 2 },
  },
  {
    name: 'pairings',
    method: 'PUT',
    path: '/v1/admin/stores/{store}/pairings',
    credential: 'admin',
    body: { pairings: [{ triggerProductId: 'mug', recommendedProductId: 'tea', priority: 1 }] },
  },
  { name: 'one pairing', method: 'PUT', path: '/v1/admin/stores/{store}/pairings/mug/tea', credential: 'admin', body: { priority: 2 } },
  {
    name: 'rules',
    method: 'PUT',
    path: '/v1/admin/stores/{store}/recommendation-rules',
    credential: 'admin',
    body: { excludedCategories: ['Gift cards'], priceBands: { vip: { min: '10.00' } } },
  },
  {
    name: 'experiment',
    method: 'POST',
    path: '/v1/admin/stores/{store}/experiments',
    credential: 'admin',
    body: {
      id: 'fuzz-test',
      name: 'A code or none',
      variants: [
        { id: 'control' },
        { id: 'ten-off', offer: { kind: 'code', code: 'PAIR10', percentOff: 10 }, layout: { kind: 'grid', size: 3 } },
      ],
    },
  },
  {
    name: 'pairing review',
    method: 'POST',
    path: '/v1/admin/stores/{store}/pairing-reviews',
    credential: 'admin',
    body: { minimumSends: 300 },
  },
  {
    name: 'codec encode',
    method: 'POST',
    path: '/codec/encode',
    credential: 'codec',
    body: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJoZWxsbyI6IndvcmxkIn0=' }] },
  },
  ...(
    [
      ['orders/create', 'orders-create'],
      ['fulfillments/create', 'fulfillments-create'],
      ['refunds/create', 'refunds-create'],
      ['products/update', 'products-update'],
      ['customers/redact', 'customers-redact'],
    ] as const
  ).map(([topic, fixture]): Seed => ({
    name: `webhook ${topic}`,
    method: 'POST',
    path: '/webhooks/shopify',
    credential: 'webhook',
    topic,
    body: shopifyFixture(fixture),
  })),
]
