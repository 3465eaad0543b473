import { describe, expect, it } from 'vitest'
import type { ProductFacts } from '../filters/business-rules.ts'
import { chooseJourneyPairing, type JourneyPairingRequest } from './journey-pairing-choice.ts'

const products: Record<string, ProductFacts> = {
  kettle: { available: true, category: 'Kitchen', price: 30 },
  tea: { available: true, category: 'Kitchen', price: 5 },
  mug: { available: true, category: 'Kitchen', price: 4 },
  teapot: { available: true, category: 'Kitchen', price: 60 },
  kibble: { available: true, category: 'Pets', price: 3 },
  cosy: { available: false, category: 'Kitchen', price: 8 },
}

const request = (overrides: Partial<JourneyPairingRequest> = {}): JourneyPairingRequest => ({
  triggerProductIds: ['kettle'],
  excludedProductIds: [],
  excludedPairingIds: [],
  catalogue: (productId) => products[productId],
  rules: { incompatibleCategories: [['Pets', 'Kitchen']], priceBands: { 'first-time': { max: 50 } } },
  segment: 'first-time',
  manualPairings: [],
  minedPairings: [],
  categoryBestSellers: [],
  storeBestSellers: [],
  recommendableProducts: [],
  ...overrides,
})

const mined = (recommendedProductId: string, score: number) => ({
  triggerProductId: 'kettle',
  recommendedProductId,
  rank: 1,
  score,
  support: 5,
  lift: 2,
  reason: `Bought with Kettle`,
})

describe('chooseJourneyPairing', () => {
  it('prefers the store’s manual pairing, whatever the rules say of it', () => {
    const pick = chooseJourneyPairing(
      request({ manualPairings: [{ triggerProductId: 'kettle', recommendedProductId: 'teapot' }], minedPairings: [mined('tea', 0.9)] }),
    )
    expect(pick).toEqual({ pairingId: 'manual:kettle:teapot', source: 'manual', triggerProductId: 'kettle', productIds: ['teapot'] })
  })

  it('passes over a manual pairing whose product is out of stock to the next one, then to the other sources', () => {
    const manualPairings = [
      { triggerProductId: 'kettle', recommendedProductId: 'cosy' },
      { triggerProductId: 'kettle', recommendedProductId: 'ghost' },
      { triggerProductId: 'kettle', recommendedProductId: 'mug' },
    ]
    expect(chooseJourneyPairing(request({ manualPairings }))).toMatchObject({ pairingId: 'manual:kettle:mug', source: 'manual' })
    expect(chooseJourneyPairing(request({ manualPairings: manualPairings.slice(0, 2), minedPairings: [mined('tea', 0.9)] }))).toMatchObject(
      {
        pairingId: 'mined:kettle:tea',
      },
    )
  })

  it('falls to mined pairings when the manual ones are excluded, keeping to the rules', () => {
    const pick = chooseJourneyPairing(
      request({
        manualPairings: [{ triggerProductId: 'kettle', recommendedProductId: 'mug' }],
        excludedPairingIds: ['manual:kettle:mug'],
        minedPairings: [mined('teapot', 0.99), mined('kibble', 0.95), mined('cosy', 0.92), mined('tea', 0.9)],
      }),
    )
    expect(pick).toEqual({
      pairingId: 'mined:kettle:tea',
      source: 'mined',
      triggerProductId: 'kettle',
      productIds: ['tea'],
      reason: 'Bought with Kettle',
    })
  })

  it('then the best seller of the order’s categories, never of an incompatible one', () => {
    const pick = chooseJourneyPairing(
      request({
        rules: { incompatibleCategories: [['Kitchen', 'Pets']] },
        excludedProductIds: ['tea'],
        categoryBestSellers: [
          { productId: 'tea', category: 'Kitchen' },
          { productId: 'mug', category: 'Kitchen' },
        ],
      }),
    )
    expect(pick).toEqual({ pairingId: 'best-seller:Kitchen:mug', source: 'best-seller', triggerProductId: 'kettle', productIds: ['mug'] })
  })

  it('then the store’s best sellers checked against the catalogue, and last any recommendable product', () => {
    const storePick = chooseJourneyPairing(request({ storeBestSellers: ['kettle', 'kibble', 'cosy', 'teapot', 'mug'] }))
    expect(storePick).toEqual({
      pairingId: 'store-best-seller:mug',
      source: 'store-best-seller',
      triggerProductId: 'kettle',
      productIds: ['mug'],
    })
    const lastResort = chooseJourneyPairing(
      request({
        excludedPairingIds: ['store-best-seller:mug'],
        storeBestSellers: ['mug'],
        recommendableProducts: [
          { productId: 'kibble', category: 'Pets' },
          { productId: 'tea', category: 'Kitchen' },
        ],
      }),
    )
    expect(lastResort?.pairingId).toBe('store-best-seller:tea')
  })

  it('answers null when nothing fits', () => {
    expect(chooseJourneyPairing(request())).toBeNull()
    expect(chooseJourneyPairing(request({ triggerProductIds: [] }))).toBeNull()
  })
})
