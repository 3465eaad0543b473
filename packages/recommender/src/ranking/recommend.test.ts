import { describe, expect, it } from 'vitest'
import { OrderHistoryBuilder } from '../evaluation/order-history.ts'
import type { ProductFacts } from '../filters/business-rules.ts'
import { mineModel } from '../mining/pairing-model.ts'
import { recommend, type RecommendationRequest } from './recommend.ts'

const catalogue: Record<string, Omit<ProductFacts, 'available'> & { price: number }> = {
  tea: { title: 'Earl Grey', category: 'Kitchen', price: 5 },
  cosy: { title: 'Tea cosy', category: 'Kitchen', price: 8 },
  mug: { title: 'Mug', category: 'Kitchen', price: 4 },
  teapot: { title: 'Teapot', category: 'Kitchen', price: 40 },
  spoon: { title: 'Spoon', category: 'Kitchen', price: 2 },
  tin: { title: 'Cake tin', category: 'Baking', price: 12 },
  kibble: { title: 'Dog food', category: 'Pets', price: 3 },
  lead: { title: 'Dog lead', category: 'Pets', price: 9 },
}

/** Customers who buy tea mostly buy a cosy with it, some a mug or a teapot; pet buyers stay apart. */
const orders: string[][] = [
  ...Array.from({ length: 6 }, () => ['tea', 'cosy']),
  ...Array.from({ length: 3 }, () => ['tea', 'mug']),
  ['tea', 'teapot'],
  ['tea', 'teapot', 'cosy'],
  ...Array.from({ length: 9 }, () => ['kibble', 'lead']),
  ['kibble'],
  ['tin', 'spoon'],
  ['tin'],
]

function history(lineOrder: 'forward' | 'reversed' = 'forward') {
  const lines = orders.flatMap((products, index) =>
    products.map((productId) => {
      const { title = productId, category, price } = catalogue[productId]!
      return {
        orderId: `o${index}`,
        customerId: `c${index}`,
        productId,
        title,
        category,
        quantity: 1,
        unitPrice: price,
        time: index * 1000,
      }
    }),
  )
  const builder = new OrderHistoryBuilder()
  for (const line of lineOrder === 'forward' ? lines : lines.reverse()) builder.add(line)
  return builder.build()
}

const model = mineModel(history())
const ask = (request: Partial<RecommendationRequest>) =>
  recommend(model, { triggerProductIds: ['tea'], ownedProductIds: [], segment: 'first-time', ...request })
const ids = (request: Partial<RecommendationRequest>) => ask(request).map(({ productId }) => productId)

describe('recommend', () => {
  it('picks the product most often bought with the trigger and says why', () => {
    expect(ask({})).toEqual([
      { productId: 'cosy', source: 'mined', reason: 'Bought with Earl Grey in 7 orders', becauseOf: 'tea', support: 7 },
    ])
  })

  it('never recommends the trigger or anything the customer owns', () => {
    const picks = ids({ ownedProductIds: ['cosy', 'mug'], k: 8 })
    expect(picks).not.toContain('tea')
    expect(picks).not.toContain('cosy')
    expect(picks).not.toContain('mug')
    expect(picks[0]).toBe('teapot')
  })

  it('never recommends a product the catalogue marks unavailable or no longer lists', () => {
    const facts = (productId: string): ProductFacts | undefined =>
      productId === 'mug' ? undefined : { ...catalogue[productId]!, available: productId !== 'cosy' }
    const picks = ids({ catalogue: facts, k: 8 })
    expect(picks).not.toContain('cosy')
    expect(picks).not.toContain('mug')
    expect(picks).toContain('teapot')
  })

  it('never recommends a category the store marks incompatible with the trigger’s, not even as a fallback', () => {
    expect(ids({ k: 8 })).toContain('kibble')
    const picks = ids({ k: 8, rules: { incompatibleCategories: [['Pets', 'Kitchen']] } })
    expect(picks).not.toContain('kibble')
    expect(picks).not.toContain('lead')
  })

  it('puts the store’s manual pairings first, highest priority first, skipping ones it may not show', () => {
    const manualPairings = [
      { triggerProductId: 'tea', recommendedProductId: 'spoon', priority: 1 },
      { triggerProductId: 'tea', recommendedProductId: 'tin', priority: 5, reason: 'Bake something for tea time' },
      { triggerProductId: 'tea', recommendedProductId: 'mug', priority: 9 },
      { triggerProductId: 'kibble', recommendedProductId: 'lead', priority: 9 },
    ]
    const picks = ask({ manualPairings, ownedProductIds: ['mug'], k: 3 })
    expect(picks.map(({ productId, source }) => [productId, source])).toEqual([
      ['tin', 'manual'],
      ['spoon', 'manual'],
      ['cosy', 'mined'],
    ])
    expect(picks[0]!.reason).toBe('Bake something for tea time')
    expect(picks[1]!.reason).toBe('Goes with Earl Grey (the store’s pick)')
  })

  it('keeps each segment within its price band', () => {
    const rules = { priceBands: { 'first-time': { max: 10 }, vip: { min: 20 } } }
    expect(ids({ rules, k: 8 })).not.toContain('teapot')
    expect(ids({ rules, k: 1, segment: 'vip' })).toEqual(['teapot'])
    expect(ids({ rules, k: 2, segment: 'repeat' })).toEqual(['cosy', 'mug'])
  })

  it('treats pairs below the minimum support as no pairing and falls back to the trigger’s category', () => {
    const picks = ask({ rules: { minSupport: 4 }, k: 3 })
    expect(picks.map(({ productId, source }) => [productId, source])).toEqual([
      ['cosy', 'mined'],
      ['mug', 'popular'],
      ['teapot', 'popular'],
    ])
    expect(picks[1]!.reason).toBe('Popular in Kitchen')
  })

  it('falls back to the category’s best sellers for a trigger nobody bought with anything', () => {
    const picks = ask({ triggerProductIds: ['spoon'], ownedProductIds: ['tin'], k: 2 })
    expect(picks.map(({ productId, source }) => [productId, source])).toEqual([
      ['tea', 'popular'],
      ['cosy', 'popular'],
    ])
  })

  it('mines the same model from the same history and answers alike whatever the order of its lines', () => {
    expect(mineModel(history())).toEqual(model)
    const request: RecommendationRequest = { triggerProductIds: ['kibble', 'tea'], ownedProductIds: [], segment: 'repeat', k: 6 }
    expect(recommend(mineModel(history('reversed')), request)).toEqual(recommend(model, request))
  })

  it('refuses a k below one', () => {
    expect(() => ask({ k: 0 })).toThrow(RangeError)
  })
})
