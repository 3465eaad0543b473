import { startFakeShopify, type FakeShopify, type FakeShopifyProductInput } from '@crosswise/testing'
import { afterEach, describe, expect, it } from 'vitest'
import {
  checkShopifyAccess,
  readShopifyCatalogue,
  ShopifyAdminClient,
  ShopifyQueryError,
  ShopifyRefusedError,
  ShopifyUnavailableError,
  ThrottledAdminClient,
  type CatalogueReadOptions,
  type ThrottlingOptions,
} from '../src/index.ts'

const products = (count: number, from = 1): FakeShopifyProductInput[] =>
  Array.from({ length: count }, (_, index) => ({
    id: String(9_007_199_254_740_000 + from + index),
    title: `Product ${from + index}`,
    productType: 'Tea',
    updatedAt: '2026-11-20T10:00:00Z',
    variants: [{ price: `${10 + index}.00`, inventoryQuantity: index % 3 }],
  }))

let fake: FakeShopify | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const connect = (shop: FakeShopify, throttling: ThrottlingOptions = {}, token = shop.accessToken) =>
  new ThrottledAdminClient(
    new ShopifyAdminClient({ shopDomain: shop.shopDomain, accessToken: token, apiVersion: '2026-10', baseUrl: shop.url, timeoutMs: 2_000 }),
    {
      retryDelayMs: 10,
      ...throttling,
    },
  )

async function readAll(admin: ThrottledAdminClient, options: CatalogueReadOptions = {}) {
  const pages = []
  for await (const page of readShopifyCatalogue(admin, options)) pages.push(page)
  return pages
}

describe('readShopifyCatalogue against the fake Shopify', () => {
  it('pages through the whole catalogue with exact big ids, each product with all its variants', async () => {
    fake = await startFakeShopify({ products: products(23) })
    fake.setProduct({
      id: '9007199254740999',
      title: 'Many variants',
      variants: Array.from({ length: 13 }, (_, i) => ({ price: `${30 - i}.00`, inventoryQuantity: 0 })),
    })
    const admin = connect(fake)
    const pages = await readAll(admin, { pageSize: 10, variantsPerProduct: 5 })
    expect(pages.map((page) => page.length)).toEqual([10, 10, 4])
    const all = pages.flat()
    expect(new Set(all.map((product) => product.productId)).size).toBe(24)
    expect(all[0]).toMatchObject({
      productId: '9007199254740001',
      title: 'Product 1',
      status: 'active',
      published: true,
      productType: 'Tea',
    })
    expect(all.at(-1)?.variants.map((variant) => variant.price)).toEqual(Array.from({ length: 13 }, (_, i) => `${30 - i}.00`))
    expect(fake.requests.map((request) => request.operation)).toEqual([
      'CrosswiseCatalogue',
      'CrosswiseCatalogue',
      'CrosswiseCatalogue',
      'CrosswiseProductVariants',
    ])
  })

  it('never sends into an empty bucket: it waits (cost - available) / restoreRate before a page', async () => {
    // Each page requests 2 + 5 × 26 = 132 points and costs 27; the bucket holds 150 and restores 200 a second.
    fake = await startFakeShopify({ products: products(40), bucket: { maximumAvailable: 150, restoreRate: 200 } })
    const admin = connect(fake)
    const pages = await readAll(admin, { pageSize: 5, variantsPerProduct: 10 })
    expect(pages.flat()).toHaveLength(40)
    expect(fake.requests.filter((request) => request.throttled)).toEqual([])
    expect(fake.requests.every((request) => request.availableBefore! >= request.requestedCost!)).toBe(true)
    expect(fake.requests[0]?.requestedCost).toBe(132)
    expect(admin.waitedMs).toBeGreaterThan(0)
  })

  it('waits and retries a page Shopify throttles, within a bounded number of attempts', async () => {
    fake = await startFakeShopify({ products: products(3), bucket: { maximumAvailable: 1000, restoreRate: 1000 } })
    fake.drainBucket()
    const admin = connect(fake)
    expect((await readAll(admin)).flat()).toHaveLength(3)
    expect(fake.requests.map((request) => request.throttled)).toEqual([true, false])
    expect(admin.waitedMs).toBeGreaterThan(0)

    const slow = await startFakeShopify({ products: products(3), bucket: { maximumAvailable: 1000, restoreRate: 1 } })
    try {
      slow.drainBucket()
      const stopped = new AbortController()
      const reading = readAll(connect(slow, { maxAttempts: 2, signal: stopped.signal }))
      setTimeout(() => stopped.abort(), 200)
      await expect(reading).rejects.toThrow(/abort/i)
      expect(slow.requests.filter((request) => request.throttled)).toHaveLength(1)
    } finally {
      await slow.close()
    }
  })

  it('retries a page after a 5xx, and gives up after its attempts with a retryable error', async () => {
    fake = await startFakeShopify({ products: products(3) })
    fake.injectFault({ fault: { kind: 'server-error', status: 502 } })
    expect((await readAll(connect(fake))).flat()).toHaveLength(3)
    expect(fake.requests.map((request) => request.status)).toEqual([502, 200])

    fake.injectFault({ fault: { kind: 'server-error', status: 503 }, times: 3 })
    await expect(readAll(connect(fake, { maxAttempts: 3 }))).rejects.toBeInstanceOf(ShopifyUnavailableError)
  })

  it('gives a hanging Shopify up after the timeout', async () => {
    fake = await startFakeShopify({ products: products(1) })
    fake.injectFault({ fault: { kind: 'hang' } })
    const admin = new ThrottledAdminClient(
      new ShopifyAdminClient({
        shopDomain: fake.shopDomain,
        accessToken: fake.accessToken,
        apiVersion: '2026-10',
        baseUrl: fake.url,
        timeoutMs: 200,
      }),
      { maxAttempts: 1 },
    )
    await expect(readAll(admin)).rejects.toThrow(/no answer within 200 ms/)
  })

  it('refuses a wrong token with Shopify’s reason, at once', async () => {
    fake = await startFakeShopify({ products: products(1) })
    const refused = readAll(connect(fake, {}, 'shpat_wrong'))
    await expect(refused).rejects.toBeInstanceOf(ShopifyRefusedError)
    await expect(refused).rejects.toThrow(/401.*Invalid API key or access token/)
    expect(fake.requests).toHaveLength(0)
  })

  it('refuses a page dearer than Shopify’s single-query limit as a query error', async () => {
    fake = await startFakeShopify({ products: products(1) })
    await expect(readAll(connect(fake), { pageSize: 250, variantsPerProduct: 10 })).rejects.toBeInstanceOf(ShopifyQueryError)
  })
})

describe('checkShopifyAccess', () => {
  it('accepts a token Shopify accepts, and refuses a wrong one with its reason', async () => {
    fake = await startFakeShopify({ shopName: 'Brewline' })
    const access = { shopDomain: fake.shopDomain, apiVersion: '2026-10', baseUrl: fake.url }
    expect(await checkShopifyAccess({ ...access, accessToken: fake.accessToken })).toEqual({ accepted: true, shopName: 'Brewline' })
    expect(await checkShopifyAccess({ ...access, accessToken: 'shpat_wrong' })).toEqual({
      accepted: false,
      status: 401,
      reason: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    })
  })

  it('throws when Shopify cannot be asked', async () => {
    fake = await startFakeShopify()
    fake.injectFault({ fault: { kind: 'server-error', status: 503 } })
    await expect(
      checkShopifyAccess({ shopDomain: fake.shopDomain, apiVersion: '2026-10', baseUrl: fake.url, accessToken: fake.accessToken }),
    ).rejects.toBeInstanceOf(ShopifyUnavailableError)
  })
})
