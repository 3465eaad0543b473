import { describe, expect, it } from 'vitest'
import { attributedRevenue, type GroupedSend } from './attributed-revenue.ts'

const day = 86_400_000
const at = (days: number) => new Date(Date.UTC(2026, 10, 1) + days * day)
const send = (
  sendKey: string,
  customerId: string,
  sentDay: number,
  engagedDays: number[],
  pairingId: string,
  variantId: string | null = null,
  segment: string | null = null,
): GroupedSend => ({
  sendKey,
  customerId,
  sentAt: at(sentDay),
  productIds: ['mug'],
  engagedAt: engagedDays.map(at),
  pairingId,
  variantId,
  segment,
})

describe('attributedRevenue', () => {
  it('credits orders within the window after an open or click, per pairing and variant, direct or influenced', () => {
    const sends = [
      send('a', 'ann', 0, [1], 'mined:kettle:mug', 'control', 'first-time'),
      send('b', 'bob', 0, [2], 'mined:kettle:mug', 'ten-off', 'vip'),
      send('c', 'cat', 0, [], 'manual:tea:cosy', 'ten-off', 'first-time'),
      // Sent before segments were kept: counted overall, in no segment.
      send('d', 'dan', 0, [1], 'manual:tea:cosy', 'control'),
    ]
    const orders = [
      { orderId: '1', customerId: 'ann', placedAt: at(3), productIds: ['mug'], total: '12.00' },
      { orderId: '2', customerId: 'bob', placedAt: at(4), productIds: ['kettle'], total: '40.00' },
      // Never opened: nothing is credited, however close the order.
      { orderId: '3', customerId: 'cat', placedAt: at(1), productIds: ['mug'], total: '9.00' },
      // Opened, but the order came after the five-day window.
      { orderId: '4', customerId: 'dan', placedAt: at(7), productIds: ['mug'], total: '30.00' },
    ]
    const result = attributedRevenue(sends, orders, 5)
    expect(result.total).toEqual({ sends: 4, orders: 2, direct: 1, influenced: 1, revenue: 52, averageOrderValue: 26, revenuePerSend: 13 })
    expect(result.byPairing).toEqual([
      {
        pairingId: 'manual:tea:cosy',
        sends: 2,
        orders: 0,
        direct: 0,
        influenced: 0,
        revenue: 0,
        averageOrderValue: null,
        revenuePerSend: 0,
      },
      {
        pairingId: 'mined:kettle:mug',
        sends: 2,
        orders: 2,
        direct: 1,
        influenced: 1,
        revenue: 52,
        averageOrderValue: 26,
        revenuePerSend: 26,
      },
    ])
    expect(result.byVariant.map(({ variantId, revenue }) => [variantId, revenue])).toEqual([
      ['control', 12],
      ['ten-off', 40],
    ])
    expect(result.bySegment.map(({ segment, sends, orders, revenue }) => [segment, sends, orders, revenue])).toEqual([
      ['first-time', 2, 1, 12],
      ['vip', 1, 1, 40],
    ])
    // Order 1 holds the recommended mug (direct), order 2 does not (influenced).
    expect(result.byDay).toEqual([
      { day: '2026-11-04', orders: 1, directRevenue: 12, influencedRevenue: 0 },
      { day: '2026-11-05', orders: 1, directRevenue: 0, influencedRevenue: 40 },
    ])
  })

  it('credits each order once, to the latest email engaged before it, in every grouping', () => {
    const sends = [send('early', 'ann', 0, [1], 'p1', 'a', 'repeat'), send('late', 'ann', 2, [3], 'p2', 'b', 'repeat')]
    const orders = [{ orderId: '1', customerId: 'ann', placedAt: at(4), productIds: ['tea'], total: '10.00' }]
    const result = attributedRevenue(sends, orders, 5)
    expect(result.total.orders).toBe(1)
    expect(result.byPairing.map(({ pairingId, orders: credited }) => [pairingId, credited])).toEqual([
      ['p1', 0],
      ['p2', 1],
    ])
    expect(result.bySegment).toEqual([expect.objectContaining({ segment: 'repeat', sends: 2, orders: 1, influenced: 1, revenue: 10 })])
  })
})
