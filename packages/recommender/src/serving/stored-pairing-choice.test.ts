import { describe, expect, it } from 'vitest'
import type { ProductFacts } from '../filters/business-rules.ts'
import { chooseStoredPairings, type StoredPairing, type StoredPairingRequest } from './stored-pairing-choice.ts'

const products: Record<string, ProductFacts> = {
  kettle: { available: true, category: 'Kitchen', price: 30 },
  tea: { available: true, category: 'Kitchen', price: 5 },
  mug: { available: true, category: 'Kitchen', price: 4 },
  teapot: { available: true, category: 'Kitchen', price: 60 },
  cosy: { available: false, category: 'Kitchen', price: 8 },
  kibble: { available: true, category: 'Pets', price: 3 },
}

const pairing = (
  triggerProductId: string,
  rank: number,
  recommendedProductId: string,
  score: number,
  support = 5,
  lift = 2,
): StoredPairing => ({
  triggerProductId,
  recommendedProductId,
  rank,
  score,
  support,
  lift,
})

const stored = [
  pairing('kettle', 1, 'tea', 0.9),
  pairing('kettle', 2, 'cosy', 0.8),
  pairing('kettle', 3, 'kibble', 0.7),
  pairing('kettle', 4, 'mug', 0.5, 1, 0.8),
  pairing('kettle', 5, 'teapot', 0.4),
  pairing('kettle', 6, 'gone', 0.3),
  pairing('tea', 1, 'mug', 0.95),
]

const choose = (request: Partial<StoredPairingRequest>) =>
  chooseStoredPairings(stored, {
    triggerProductIds: ['kettle'],
    excludedProductIds: [],
    catalogue: (productId) => products[productId],
    ...request,
  }).map((chosen) => `${chosen.triggerProductId}→${chosen.recommendedProductId}`)

describe('chooseStoredPairings', () => {
  it('keeps pairings of the order’s products only, by score, leaving out unavailable and unknown products', () => {
    expect(choose({})).toEqual(['kettle→tea', 'kettle→kibble', 'kettle→mug', 'kettle→teapot'])
  })

  it('never offers a trigger or an excluded (owned, already recommended) product, and each product once', () => {
    expect(choose({ triggerProductIds: ['kettle', 'tea'] })).toEqual(['tea→mug', 'kettle→kibble', 'kettle→teapot'])
    expect(choose({ excludedProductIds: ['tea', 'kibble'] })).toEqual(['kettle→mug', 'kettle→teapot'])
  })

  it('applies the store’s rules: incompatible categories, minimum support and lift, the segment’s price band', () => {
    expect(choose({ rules: { incompatibleCategories: [['Pets', 'Kitchen']] } })).toEqual(['kettle→tea', 'kettle→mug', 'kettle→teapot'])
    expect(choose({ rules: { minSupport: 2, minLift: 1 } })).toEqual(['kettle→tea', 'kettle→kibble', 'kettle→teapot'])
    const priceBands = { 'first-time': { max: 30 } }
    expect(choose({ rules: { priceBands }, segment: 'first-time' })).toEqual(['kettle→tea', 'kettle→kibble', 'kettle→mug'])
    expect(choose({ rules: { priceBands }, segment: 'vip' })).toContain('kettle→teapot')
  })

  it('breaks equal scores by the trigger’s own rank, then the order of the trigger products', () => {
    const tied = [pairing('tea', 2, 'mug', 0.5), pairing('kettle', 1, 'teapot', 0.5), pairing('tea', 1, 'kibble', 0.5)]
    const chosen = chooseStoredPairings(tied, {
      triggerProductIds: ['kettle', 'tea'],
      excludedProductIds: [],
      catalogue: (productId) => products[productId],
    })
    expect(chosen.map((pick) => pick.recommendedProductId)).toEqual(['teapot', 'kibble', 'mug'])
  })
})
