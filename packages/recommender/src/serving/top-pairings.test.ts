import { describe, expect, it } from 'vitest'
import { OrderHistoryBuilder } from '../evaluation/order-history.ts'
import { mineModel } from '../mining/pairing-model.ts'
import { topPairings } from './top-pairings.ts'

const titles: Record<string, string> = { tea: 'Earl Grey', cosy: 'Tea cosy', mug: 'Mug', kibble: 'Dog food', lead: 'Dog lead' }

/** 20 orders: tea goes with a cosy 6 times and a mug 3 times; pet food with a lead 9 times. */
const orders: string[][] = [
  ...Array.from({ length: 6 }, () => ['tea', 'cosy']),
  ...Array.from({ length: 3 }, () => ['tea', 'mug']),
  ['tea'],
  ...Array.from({ length: 9 }, () => ['kibble', 'lead']),
  ['kibble'],
]

function model() {
  const builder = new OrderHistoryBuilder()
  orders.forEach((products, index) =>
    products.forEach((productId) =>
      builder.add({
        orderId: `o${index}`,
        customerId: `c${index}`,
        productId,
        title: titles[productId]!,
        category: undefined,
        quantity: 1,
        unitPrice: 5,
        time: index * 1000,
      }),
    ),
  )
  return mineModel(builder.build())
}

describe('topPairings', () => {
  it('ranks each product’s partners with support, confidence, lift and a reason', () => {
    const tea = [...topPairings(model(), { perProduct: 5 })].filter((pairing) => pairing.triggerProductId === 'tea')
    expect(tea.map(({ recommendedProductId, rank }) => [rank, recommendedProductId])).toEqual([
      [1, 'cosy'],
      [2, 'mug'],
    ])
    // tea is in 10 of 20 orders, cosy in 6, both in 6: confidence 6/10, lift 6·20/(10·6) = 2.
    expect(tea[0]).toMatchObject({
      support: 6,
      triggerOrders: 10,
      recommendedOrders: 6,
      confidence: 0.6,
      lift: 2,
      reason: 'Bought with Earl Grey in 6 orders',
    })
    expect(tea[1]).toMatchObject({ support: 3, confidence: 0.3 })
    expect(tea[0]!.score).toBeGreaterThan(tea[1]!.score)
  })

  it('keeps mined pairings only: no partner without evidence, never the product itself', () => {
    const pairings = [...topPairings(model(), { perProduct: 10 })]
    expect(pairings.filter((pairing) => pairing.triggerProductId === 'kibble').map((pairing) => pairing.recommendedProductId)).toEqual([
      'lead',
    ])
    expect(pairings.some((pairing) => pairing.triggerProductId === pairing.recommendedProductId)).toBe(false)
    expect(pairings.some((pairing) => pairing.triggerProductId === 'tea' && pairing.recommendedProductId === 'lead')).toBe(false)
  })

  it('caps partners per product, reports progress per product and is deterministic', () => {
    const progress: number[] = []
    const first = [...topPairings(model(), { perProduct: 1, onProduct: (done) => progress.push(done) })]
    expect(first.filter((pairing) => pairing.triggerProductId === 'tea')).toHaveLength(1)
    expect(progress).toEqual([1, 2, 3, 4, 5])
    expect([...topPairings(model(), { perProduct: 1 })]).toEqual(first)
    expect(() => [...topPairings(model(), { perProduct: 0 })]).toThrow(RangeError)
  })
})
