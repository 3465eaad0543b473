import { describe, expect, it } from 'vitest'
import { splitAtCutoff } from './cutoff-split.ts'
import { OrderHistoryBuilder } from './order-history.ts'
import type { OrderLine } from './order-line.ts'

const day = 86_400_000

/** One line per item: [order, customer, day, products, unit price]. */
const orders: [string, string, number, string[], number][] = [
  ['o1', 'c1', 1, ['A', 'B'], 50],
  ['o2', 'c2', 2, ['A', 'C'], 1],
  ['o3', 'c3', 3, ['A', 'B', 'C', 'F'], 1],
  ['o4', 'c1', 5, ['B', 'C', 'D'], 50],
  ['o5', 'c2', 6, ['B', 'E', 'F'], 1],
  ['o6', 'c3', 7, ['F'], 1],
  ['o11', 'c4', 8, ['A'], 1],
  ['o7', 'c1', 12, ['G'], 1],
  ['o8', 'c1', 11, ['A', 'F'], 1],
  ['o9', 'c2', 15, ['C'], 1],
  ['o12', 'c4', 25, ['B', 'C'], 1],
]

function lines(): OrderLine[] {
  return orders.flatMap(([orderId, customerId, time, products, unitPrice]) =>
    products.map((productId) => ({
      orderId,
      customerId,
      productId,
      title: productId,
      category: undefined,
      quantity: 1,
      unitPrice,
      time: time * day,
    })),
  )
}

function historyOf(orderLines: OrderLine[]) {
  const builder = new OrderHistoryBuilder()
  for (const line of orderLines) builder.add(line)
  return builder.build()
}

describe('splitAtCutoff', () => {
  const split = splitAtCutoff(historyOf(lines()), { cutoff: 10 * day })
  const id = (item: number) => split.training.products.id(item)
  const ids = (items: Uint32Array) => Array.from(items, id)

  it('trains on orders before the cutoff, keeping items in at least three of them, numbered by product id', () => {
    expect(split.training.products.ids()).toEqual(['A', 'B', 'C', 'F'])
    const { offsets, items } = split.training.baskets
    expect(offsets.length - 1).toBe(7)
    expect(Array.from(items.subarray(offsets[3], offsets[4])).map(id)).toEqual(['B', 'C'])
  })

  it('takes the last order before as trigger and the new items of the first order after as truth', () => {
    expect(
      split.cases.map((c) => ({
        customer: c.customer,
        trigger: ids(c.trigger),
        history: ids(c.history),
        owned: ids(c.owned),
        truth: ids(c.truth),
        segments: c.segments,
      })),
    ).toEqual([
      { customer: 0, trigger: ['B', 'C'], history: ['A'], owned: ['A', 'B', 'C'], truth: ['F'], segments: ['repeat', 'top-spend'] },
      { customer: 3, trigger: ['A'], history: [], owned: ['A'], truth: ['B', 'C'], segments: ['first-time'] },
    ])
  })

  it('stops the truth window at `until`', () => {
    const early = splitAtCutoff(historyOf(lines()), { cutoff: 10 * day, until: 20 * day })
    expect(early.cases.map((c) => c.customer)).toEqual([0])
  })

  it('does not depend on the order of the lines', () => {
    const summary = (orderLines: OrderLine[]) => {
      const history = historyOf(orderLines)
      const shuffled = splitAtCutoff(history, { cutoff: 10 * day })
      const named = (items: Uint32Array) => Array.from(items, (item) => shuffled.training.products.id(item))
      return shuffled.cases
        .map((c) => ({
          customer: history.customers.id(c.customer),
          trigger: named(c.trigger),
          owned: named(c.owned),
          truth: named(c.truth),
        }))
        .sort((a, b) => a.customer.localeCompare(b.customer))
    }
    expect(summary(lines().reverse())).toEqual(summary(lines()))
    expect(splitAtCutoff(historyOf(lines().reverse()), { cutoff: 10 * day }).training.products.ids()).toEqual(['A', 'B', 'C', 'F'])
  })
})
