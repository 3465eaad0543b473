import { describe, expect, it } from 'vitest'
import { OrderHistoryBuilder } from '../evaluation/order-history.ts'
import { mineModel } from '../mining/pairing-model.ts'
import { signals } from './blend-weights.ts'
import { keepSnapshot, scoreSignals } from './signal-scores.ts'

const orders = [
  ['tea', 'cosy'],
  ['tea', 'cosy'],
  ['tea', 'mug'],
  ['kibble', 'lead'],
  ['kibble', 'lead'],
  ['kibble', 'bowl'],
]
const builder = new OrderHistoryBuilder()
orders.forEach((products, index) =>
  products.forEach((productId) =>
    builder.add({
      orderId: `o${index}`,
      customerId: `c${index}`,
      productId,
      title: productId,
      category: undefined,
      quantity: 1,
      unitPrice: 1,
      time: index,
    }),
  ),
)
const model = mineModel(builder.build())
const item = (productId: string) => model.products.find(productId)!
const query = (trigger: string[], excluded: string[] = trigger) => ({
  trigger: trigger.map(item),
  history: [],
  isExcluded: (candidate: number) => excluded.map(item).includes(candidate),
})

describe('scoreSignals', () => {
  it('scales each signal so its best candidate scores 1 and leaves out excluded items', () => {
    const snapshot = scoreSignals(model, query(['tea'], ['tea', 'mug']), signals)
    const candidates = Array.from(snapshot.candidates, (candidate) => model.products.id(candidate))
    expect(candidates).toContain('cosy')
    expect(candidates).not.toContain('tea')
    expect(candidates).not.toContain('mug')
    const coPurchase = signals.indexOf('coPurchase')
    const scaled = candidates.map((_, position) => snapshot.values[position * signals.length + coPurchase]! * snapshot.scales[coPurchase]!)
    expect(Math.max(...scaled)).toBeCloseTo(1)
    expect(snapshot.support[candidates.indexOf('cosy')]).toBe(2)
    expect(model.products.id(snapshot.supportFrom[candidates.indexOf('cosy')]!)).toBe('tea')
  })

  it('answers a query alike whatever came before it, and a kept snapshot survives later queries', () => {
    const tea = query(['tea'])
    const first = keepSnapshot(scoreSignals(model, tea, signals))
    scoreSignals(model, query(['kibble']), signals)
    expect(keepSnapshot(scoreSignals(model, tea, signals))).toEqual(first)
    const coPurchaseOnly = scoreSignals(model, query(['kibble', 'tea']), ['coPurchase'])
    const others = signals.flatMap((signal, index) => (signal === 'coPurchase' ? [] : [index]))
    for (let position = 0; position < coPurchaseOnly.candidates.length; position++) {
      for (const index of others) expect(coPurchaseOnly.values[position * signals.length + index]).toBe(0)
    }
    expect(Array.from(first.candidates, (candidate) => model.products.id(candidate))).toContain('cosy')
    expect(first.support[Array.from(first.candidates).indexOf(item('cosy'))]).toBe(2)
  })
})
