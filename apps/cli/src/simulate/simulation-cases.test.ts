import { describe, expect, it } from 'vitest'
import type { RecordedOrder } from '../replay/recorded-orders.ts'
import { buildSimulationCases, sampleCases } from './simulation-cases.ts'

const day = 86_400_000
const order = (orderId: string, customerId: string, placedDay: number): RecordedOrder => ({
  orderId,
  customerId,
  placedAt: placedDay * day,
  lines: [{ productId: `p-${orderId}`, title: orderId, quantity: 1, unitPrice: 2 }],
})

describe('buildSimulationCases', () => {
  const orders = [
    order('o1', 'b', 1),
    order('o2', 'a', 2),
    order('o3', 'b', 5),
    order('o4', 'c', 6),
    order('o5', 'b', 10),
    order('o6', 'a', 11),
    order('o7', 'b', 12),
    order('o8', 'd', 13),
  ]

  it('takes the last order before the cutoff as trigger and the first at or after it as next, for customers with both', () => {
    const cases = buildSimulationCases(orders, 10 * day)
    expect(cases.map(({ customerId, trigger, next }) => [customerId, trigger.orderId, next.orderId])).toEqual([
      ['a', 'o2', 'o6'],
      ['b', 'o3', 'o5'],
    ])
  })

  it('has no case when nobody ordered on both sides', () => {
    expect(buildSimulationCases(orders, 20 * day)).toEqual([])
  })
})

describe('sampleCases', () => {
  const cases = buildSimulationCases(
    Array.from({ length: 50 }, (_, index) => [
      order(`t${index}`, `c${String(index).padStart(2, '0')}`, 1),
      order(`n${index}`, `c${String(index).padStart(2, '0')}`, 20),
    ]).flat(),
    10 * day,
  )

  it('draws the same customers for the same seed, in customer order', () => {
    const sample = sampleCases(cases, 10)
    expect(sample).toHaveLength(10)
    expect(sampleCases(cases, 10).map((simulated) => simulated.customerId)).toEqual(sample.map((simulated) => simulated.customerId))
    expect([...sample.map((simulated) => simulated.customerId)].sort()).toEqual(sample.map((simulated) => simulated.customerId))
    expect(sample.map((simulated) => simulated.customerId)).not.toEqual(cases.slice(0, 10).map((simulated) => simulated.customerId))
  })

  it('keeps every case when the limit is not below their number', () => {
    expect(sampleCases(cases, Number.POSITIVE_INFINITY)).toEqual(cases)
  })
})
