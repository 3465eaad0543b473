import type { MinedPairing } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createDatabase,
  ensureStore,
  listPairingModels,
  minedPairingsFor,
  migrateToLatest,
  recommendationRulesFor,
  saveMinedPairings,
  setRecommendationRules,
  type Db,
} from '../src/index.ts'

const pairing = (triggerProductId: string, rank: number, recommendedProductId: string, support = 5): MinedPairing => ({
  triggerProductId,
  rank,
  recommendedProductId,
  score: 1 / rank,
  support,
  confidence: support / 10,
  lift: 2.5,
  triggerOrders: 10,
  recommendedOrders: 8,
  nextOrderCount: 1,
  reason: `Bought with ${triggerProductId} in ${support} orders`,
})

describe('mined pairings', () => {
  let db: Db
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('mined_pairings'))
    await migrateToLatest(db)
  })
  afterAll(async () => db?.destroy())

  async function store(): Promise<string> {
    const storeId = `shop-${Math.random().toString(36).slice(2, 8)}`
    await ensureStore(db, storeId, { name: storeId, currency: 'EUR' })
    return storeId
  }

  it('reads back the current version’s pairings for trigger products, in rank order and up to a limit', async () => {
    const storeId = await store()
    const written: number[] = []
    const version = await saveMinedPairings(db, {
      storeId,
      orderCount: 40,
      productCount: 4,
      params: { perProduct: 3 },
      pairings: [pairing('kettle', 1, 'tea', 7), pairing('kettle', 2, 'mug'), pairing('kettle', 3, 'cosy'), pairing('tea', 1, 'kettle')],
      batchSize: 3,
      onWritten: (count) => void written.push(count),
    })
    expect(version).toMatchObject({
      storeId,
      status: 'current',
      orderCount: 40,
      productCount: 4,
      pairingCount: 4,
      params: { perProduct: 3 },
    })
    expect(written).toEqual([3, 4])

    const found = await minedPairingsFor(db, storeId, ['kettle', 'unknown'], 2)
    expect(found).toEqual([pairing('kettle', 1, 'tea', 7), pairing('kettle', 2, 'mug')])
    expect(await minedPairingsFor(db, storeId, ['tea'], 5)).toEqual([pairing('tea', 1, 'kettle')])
    expect(await minedPairingsFor(db, await store(), ['kettle'], 5)).toEqual([])
  })

  it('switches versions atomically: readers see the old pairings until the new version commits', async () => {
    const storeId = await store()
    await saveMinedPairings(db, { storeId, orderCount: 10, productCount: 2, params: {}, pairings: [pairing('kettle', 1, 'tea')] })
    const seenMidway: string[][] = []
    await saveMinedPairings(db, {
      storeId,
      orderCount: 20,
      productCount: 3,
      params: {},
      pairings: [pairing('kettle', 1, 'mug'), pairing('kettle', 2, 'cosy')],
      batchSize: 1,
      // Another connection of the pool, outside the writing transaction.
      onWritten: async () =>
        void seenMidway.push((await minedPairingsFor(db, storeId, ['kettle'], 5)).map((row) => row.recommendedProductId)),
    })
    expect(seenMidway).toEqual([['tea'], ['tea']])
    expect((await minedPairingsFor(db, storeId, ['kettle'], 5)).map((row) => row.recommendedProductId)).toEqual(['mug', 'cosy'])
  })

  it('keeps the previous version and prunes older ones with their pairings', async () => {
    const storeId = await store()
    for (const [orders, partner] of [
      [10, 'tea'],
      [20, 'mug'],
      [30, 'cosy'],
    ] as const) {
      await saveMinedPairings(db, { storeId, orderCount: orders, productCount: 2, params: {}, pairings: [pairing('kettle', 1, partner)] })
    }
    const versions = await listPairingModels(db, storeId)
    expect(versions.map(({ status, orderCount }) => [status, orderCount])).toEqual([
      ['current', 30],
      ['previous', 20],
    ])
    const rows = await db
      .selectFrom('mined_pairings')
      .select('recommended_product_id')
      .where('store_id', '=', storeId)
      .orderBy('recommended_product_id')
      .execute()
    expect(rows.map((row) => row.recommended_product_id)).toEqual(['cosy', 'mug'])
  })

  it('leaves the current version untouched when writing a new one fails', async () => {
    const storeId = await store()
    await saveMinedPairings(db, { storeId, orderCount: 10, productCount: 2, params: {}, pairings: [pairing('kettle', 1, 'tea')] })
    function* failing(): Generator<MinedPairing> {
      yield pairing('kettle', 1, 'mug')
      throw new Error('mining crashed')
    }
    await expect(
      saveMinedPairings(db, { storeId, orderCount: 20, productCount: 2, params: {}, pairings: failing(), batchSize: 1 }),
    ).rejects.toThrow('mining crashed')
    expect((await listPairingModels(db, storeId)).map(({ status, orderCount }) => [status, orderCount])).toEqual([['current', 10]])
    expect((await minedPairingsFor(db, storeId, ['kettle'], 5)).map((row) => row.recommendedProductId)).toEqual(['tea'])
  })

  it('stores a store’s recommendation rules, none by default', async () => {
    const storeId = await store()
    expect(await recommendationRulesFor(db, storeId)).toEqual({ incompatibleCategories: [], minSupport: 0, minLift: 0, priceBands: {} })
    await setRecommendationRules(db, storeId, {
      incompatibleCategories: [['Pets', 'Baby']],
      minSupport: 3,
      minLift: 1.5,
      priceBands: { repeat: { max: '40' } },
    })
    const rules = {
      incompatibleCategories: [['Pets', 'Kitchen']] as [string, string][],
      minSupport: 2,
      minLift: 1,
      priceBands: { 'first-time': { max: '30.00' }, vip: { min: '50' } },
    }
    await setRecommendationRules(db, storeId, rules)
    expect(await recommendationRulesFor(db, storeId)).toEqual(rules)
  })
})
