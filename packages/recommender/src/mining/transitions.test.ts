import { describe, expect, it } from 'vitest'
import { BasketsBuilder } from './baskets.ts'
import { invertBaskets } from './inverted-baskets.ts'
import { pairCount } from './pair-counts.ts'
import { nextBaskets } from './purchase-sequence.ts'
import { countTransitions } from './transitions.ts'

describe('countTransitions', () => {
  it('counts items of the next order per item of the order before, in one direction', () => {
    const builder = new BasketsBuilder()
    builder.add(0, 1, [0, 1])
    builder.add(0, 2, [2, 0])
    builder.add(1, 1, [0])
    builder.add(1, 5, [2])
    builder.add(2, 1, [2]) // a single order: no transition
    const baskets = builder.build()
    const transitions = countTransitions(baskets, invertBaskets(baskets), nextBaskets(baskets))
    expect(pairCount(transitions, 0, 2)).toBe(2)
    expect(pairCount(transitions, 1, 2)).toBe(1)
    expect(pairCount(transitions, 1, 0)).toBe(1)
    expect(pairCount(transitions, 2, 0)).toBe(0)
    expect(pairCount(transitions, 0, 0)).toBe(0)
    expect(Array.from(transitions.rowTotals)).toEqual([2, 1, 0])
    expect(transitions.eventCount).toBe(2)
  })

  it('skips a next order above the size cap', () => {
    const builder = new BasketsBuilder()
    builder.add(0, 1, [0])
    builder.add(0, 2, [1, 2, 3])
    const baskets = builder.build()
    const transitions = countTransitions(baskets, invertBaskets(baskets), nextBaskets(baskets), { maxBasketSize: 2 })
    expect(transitions.partners.length).toBe(0)
  })
})
