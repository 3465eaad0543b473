import { describe, expect, it } from 'vitest'
import { classifySegment, type PastOrder } from './segment.ts'

const thresholds = { vipMinSpend: 500, vipMinOrders: 5 }
const order = (total: string, ...categories: string[]): PastOrder => ({ total, categories })

describe('classifySegment', () => {
  it('calls a customer with one order first-time', () => {
    expect(classifySegment([order('40.00', 'kitchen')], thresholds)).toEqual({
      segment: 'first-time',
      orders: 1,
      spend: '40.00',
      categories: ['kitchen'],
    })
  })

  it('calls a customer with no counted orders first-time', () => {
    expect(classifySegment([], thresholds).segment).toBe('first-time')
    expect(classifySegment([{ ...order('900'), cancelled: true }], thresholds)).toMatchObject({
      segment: 'first-time',
      orders: 0,
      spend: '0.00',
    })
  })

  it('calls a customer with two or more orders repeat', () => {
    expect(classifySegment([order('40'), order('60')], thresholds).segment).toBe('repeat')
  })

  it('makes a customer VIP at the order-count threshold', () => {
    expect(
      classifySegment(
        Array.from({ length: 5 }, () => order('1')),
        thresholds,
      ).segment,
    ).toBe('vip')
    expect(
      classifySegment(
        Array.from({ length: 4 }, () => order('1')),
        thresholds,
      ).segment,
    ).toBe('repeat')
  })

  it('makes a customer VIP at the spend threshold, exactly and without floats', () => {
    expect(classifySegment([order('499.99')], thresholds).segment).toBe('first-time')
    expect(classifySegment([order('499.99'), order('0.01')], thresholds).segment).toBe('vip')
    expect(classifySegment([order('0.1'), order('0.2')], { vipMinSpend: 0.3, vipMinOrders: 9 }).segment).toBe('vip')
  })

  it('does not count cancelled orders', () => {
    const history = [order('400'), { ...order('400'), cancelled: true }]
    expect(classifySegment(history, thresholds)).toMatchObject({ segment: 'first-time', spend: '400.00' })
  })

  it('lists the categories bought, most lines first, ties by name', () => {
    const history = [order('1', 'mugs', 'tea', 'tea'), { total: '1', categories: ['candles', null, undefined, 'mugs'] }]
    expect(classifySegment(history, thresholds).categories).toEqual(['mugs', 'tea', 'candles'])
  })
})
