import type { MinedPairing } from '@crosswise/domain'
import { createDatabase, migrateToLatest, saveMinedPairings, savePairingReview, setRecommendationRules, type Db } from '@crosswise/db'
import type { PickPairingInput } from '@crosswise/journeys'
import { createTestDatabase, uniqueId } from '@crosswise/testing'
import { MockActivityEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActivities } from '@crosswise/engine'
import { givenOrder, givenPairings, givenProducts, givenStore } from './store-fixtures.ts'

const mined = (rank: number, recommendedProductId: string, support = 10): MinedPairing => ({
  triggerProductId: 'kettle',
  rank,
  recommendedProductId,
  score: 1 / rank,
  support,
  confidence: 0.5,
  lift: 2,
  triggerOrders: 20,
  recommendedOrders: 15,
  nextOrderCount: 0,
  reason: `Bought with Kettle in ${support} orders`,
})

describe('pickPairing over manual, mined and best-selling products', () => {
  let db: Db
  let activities: ReturnType<typeof createActivities>
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('pairing_pick'))
    await migrateToLatest(db)
    activities = createActivities({ db })
  })
  afterAll(async () => db?.destroy())

  /** Picks for the customer's order 1001, with the exclusions a journey would pass. */
  const picker =
    (storeId: string, customerId: string) =>
    (overrides: Partial<PickPairingInput> = {}) =>
      new MockActivityEnvironment().run(activities.pickPairing, {
        storeId,
        customerId,
        orderId: '1001',
        excludePairingIds: [],
        excludeProductIds: [],
        ...overrides,
      })

  /** A customer who bought a kettle (order 1001) and earlier a mug, in a store mined as kettle → tea, mug, honey, lead. */
  async function minedStore() {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    const email = `${uniqueId('c')}@example.com`
    await givenOrder(db, storeId, '0999', email, ['mug'], { placedAt: new Date(Date.now() - 86_400_000).toISOString() })
    const customerId = await givenOrder(db, storeId, '1001', email, ['kettle'])
    await givenProducts(db, storeId, ['kettle', 'tea', 'mug', 'honey', 'spoon'])
    await givenProducts(db, storeId, ['lead'], { category: 'pets' })
    await saveMinedPairings(db, {
      storeId,
      orderCount: 40,
      productCount: 6,
      params: {},
      pairings: [mined(1, 'mug'), mined(2, 'tea', 12), mined(3, 'honey', 2), mined(4, 'lead', 9)],
    })
    const pick = picker(storeId, customerId)
    return { storeId, pick }
  }

  it('prefers the store’s manual pairing over mined ones', async () => {
    const { storeId, pick } = await minedStore()
    await givenPairings(db, storeId, [['kettle', 'spoon']])
    expect(await pick()).toEqual({ pairingId: 'manual:kettle:spoon', source: 'manual', triggerProductId: 'kettle', productIds: ['spoon'] })
  })

  it('then offers the best mined pairing the customer does not own, with its reason', async () => {
    const { pick } = await minedStore()
    // mug ranks first but was bought in order 0999.
    expect(await pick()).toEqual({
      pairingId: 'mined:kettle:tea',
      source: 'mined',
      triggerProductId: 'kettle',
      productIds: ['tea'],
      reason: 'Bought with Kettle in 12 orders',
    })
    expect(await pick({ excludePairingIds: ['mined:kettle:tea'] })).toMatchObject({ pairingId: 'mined:kettle:honey' })
    expect(await pick({ excludeProductIds: ['tea'] })).toMatchObject({ pairingId: 'mined:kettle:honey' })
  })

  it('never picks a pairing the review retired', async () => {
    const { storeId, pick } = await minedStore()
    const entry = {
      pairingId: 'mined:kettle:tea',
      source: 'mined',
      sends: 900,
      conversions: 0,
      verdict: 'retire',
      reason: 'never converts',
    }
    await savePairingReview(db, { storeId, reviewedAt: new Date(), options: {}, entries: [entry] })
    expect(await pick()).toMatchObject({ pairingId: 'mined:kettle:honey' })
  })

  it('never offers an unavailable product or one the store’s rules forbid', async () => {
    const { storeId, pick } = await minedStore()
    await givenProducts(db, storeId, ['tea'], { available: false })
    expect(await pick()).toMatchObject({ pairingId: 'mined:kettle:honey' })
    await setRecommendationRules(db, storeId, { incompatibleCategories: [['tea', 'pets']], minSupport: 5, minLift: 0, priceBands: {} })
    // honey lacks support, lead is a pet product: nothing mined is left, so the category's best seller.
    expect(await pick()).toMatchObject({ source: 'best-seller', triggerProductId: 'kettle' })
    await setRecommendationRules(db, storeId, { incompatibleCategories: [], minSupport: 5, minLift: 0, priceBands: {} })
    expect(await pick()).toMatchObject({ pairingId: 'mined:kettle:lead', reason: 'Bought with Kettle in 9 orders' })
  })

  /** A store where two orders make a VIP, whose bands keep first-timers at 30 or less and VIPs at 50 or more. */
  async function bandedStore() {
    const storeId = uniqueId('store')
    await givenStore(db, storeId, { segments: { vipMinSpend: 100_000, vipMinOrders: 2 } })
    await givenProducts(db, storeId, ['kettle', 'tea'])
    await givenProducts(db, storeId, ['teapot'], { price: '80.00' })
    await setRecommendationRules(db, storeId, {
      incompatibleCategories: [],
      minSupport: 0,
      minLift: 0,
      priceBands: { 'first-time': { max: '30' }, vip: { min: '50' } },
    })
    const firstTimer = await givenOrder(db, storeId, '2001', `${uniqueId('c')}@example.com`, ['kettle'])
    const vipEmail = `${uniqueId('c')}@example.com`
    await givenOrder(db, storeId, '2002', vipEmail, ['spoon'], { placedAt: new Date(Date.now() - 86_400_000).toISOString() })
    const vip = await givenOrder(db, storeId, '2003', vipEmail, ['kettle'])
    const pick = (customerId: string, orderId: string) =>
      new MockActivityEnvironment().run(activities.pickPairing, {
        storeId,
        customerId,
        orderId,
        excludePairingIds: [],
        excludeProductIds: [],
      })
    return { storeId, pickFor: { firstTimer: () => pick(firstTimer, '2001'), vip: () => pick(vip, '2003') } }
  }

  it('keeps mined pairings to the price band of the customer’s segment', async () => {
    const { storeId, pickFor } = await bandedStore()
    await saveMinedPairings(db, { storeId, orderCount: 40, productCount: 3, params: {}, pairings: [mined(1, 'teapot'), mined(2, 'tea')] })
    // The teapot (80.00) ranks first but is above a first-timer's band; the tea (12.50) is below a VIP's.
    expect(await pickFor.firstTimer()).toMatchObject({ pairingId: 'mined:kettle:tea' })
    expect(await pickFor.vip()).toMatchObject({ pairingId: 'mined:kettle:teapot' })
  })

  it('keeps best sellers to the band too, but not the store’s manual pairings', async () => {
    const { storeId, pickFor } = await bandedStore()
    // Without a band the teapot would be the category's best seller: it sold twice, the tea never.
    await givenOrder(db, storeId, '2004', `${uniqueId('c')}@example.com`, ['teapot', 'teapot'])
    expect(await pickFor.firstTimer()).toMatchObject({ source: 'best-seller', productIds: ['tea'] })
    expect(await pickFor.vip()).toMatchObject({ source: 'best-seller', productIds: ['teapot'] })
    await givenPairings(db, storeId, [['kettle', 'teapot']])
    expect(await pickFor.firstTimer()).toMatchObject({ pairingId: 'manual:kettle:teapot', source: 'manual' })
  })

  it('falls back to best sellers of the category for a store never mined', async () => {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    const customerId = await givenOrder(db, storeId, '1001', `${uniqueId('c')}@example.com`, ['kettle'])
    await givenProducts(db, storeId, ['kettle', 'tea'])
    const pick = await new MockActivityEnvironment().run(activities.pickPairing, {
      storeId,
      customerId,
      orderId: '1001',
      excludePairingIds: [],
      excludeProductIds: [],
    })
    expect(pick).toMatchObject({ source: 'best-seller', productIds: ['tea'] })
  })

  /** A store like many real Shopify stores: no product types on the catalogue or the order lines. */
  async function uncategorisedStore() {
    const storeId = uniqueId('store')
    await givenStore(db, storeId, { segments: { vipMinSpend: 100_000, vipMinOrders: 2 } })
    await givenProducts(db, storeId, ['kettle', 'candle', 'lamp', 'vase', 'rug'], { category: null })
    await givenProducts(db, storeId, ['chandelier'], { category: null, price: '250.00' })
    const uncategorised = (productIds: string[]) => ({
      lineItems: productIds.map((productId) => ({ productId, title: `Product ${productId}`, quantity: 1, unitPrice: '10.00' })),
    })
    const day = 86_400_000
    // Recent sales: lamp in four orders, candle in three, vase in two, chandelier in one; the rug sold
    // more than any, but over a year ago.
    const sales: Array<[string, string[], number]> = [
      ['s1', ['lamp', 'candle', 'vase'], 5],
      ['s2', ['lamp', 'candle', 'vase'], 4],
      ['s3', ['lamp', 'candle'], 3],
      ['s8', ['lamp', 'chandelier'], 3],
      ['s4', ['rug'], 400],
      ['s5', ['rug'], 401],
      ['s6', ['rug'], 402],
      ['s7', ['rug'], 403],
    ]
    for (const [orderId, productIds, daysAgo] of sales) {
      await givenOrder(db, storeId, orderId, `${uniqueId('c')}@example.com`, [], {
        ...uncategorised(productIds),
        placedAt: new Date(Date.now() - daysAgo * day).toISOString(),
      })
    }
    const email = `${uniqueId('c')}@example.com`
    const customerId = await givenOrder(db, storeId, '1001', email, [], uncategorised(['kettle']))
    const pick = picker(storeId, customerId)
    return { storeId, email, customerId, uncategorised, pick }
  }

  it('falls back to the store’s own recent best sellers when the order has no category to go by', async () => {
    const { storeId, email, uncategorised, pick } = await uncategorisedStore()
    expect(await pick()).toEqual({
      pairingId: 'store-best-seller:lamp',
      source: 'store-best-seller',
      triggerProductId: 'kettle',
      productIds: ['lamp'],
    })
    expect(await pick({ excludePairingIds: ['store-best-seller:lamp'] })).toMatchObject({ productIds: ['candle'] })
    // What the customer owns is never offered: after buying the lamp and the candle, the vase.
    await givenOrder(db, storeId, '0900', email, [], {
      ...uncategorised(['lamp', 'candle']),
      placedAt: new Date(Date.now() - 86_400_000 * 30).toISOString(),
    })
    expect(await pick()).toMatchObject({ productIds: ['vase'] })
    expect(await pick({ excludeProductIds: ['vase'] })).toMatchObject({ productIds: ['chandelier'] })
    // Then the rest of the catalogue, so a store with a recommendable product always answers.
    expect(await pick({ excludeProductIds: ['vase', 'chandelier'] })).toMatchObject({ source: 'store-best-seller', productIds: ['rug'] })
  })

  it('keeps the store’s best sellers to the segment’s price band and to available products with a page', async () => {
    const { storeId, pick } = await uncategorisedStore()
    await givenProducts(db, storeId, ['lamp'], { category: null, available: false })
    expect(await pick()).toMatchObject({ productIds: ['candle'] })
    await setRecommendationRules(db, storeId, {
      incompatibleCategories: [],
      minSupport: 0,
      minLift: 0,
      priceBands: { 'first-time': { min: '100' } },
    })
    expect(await pick()).toMatchObject({ productIds: ['chandelier'] })
    await setRecommendationRules(db, storeId, {
      incompatibleCategories: [],
      minSupport: 0,
      minLift: 0,
      priceBands: { 'first-time': { min: '1000' } },
    })
    expect(await pick()).toBeNull()
  })
})
