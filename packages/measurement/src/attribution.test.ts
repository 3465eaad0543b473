import { describe, expect, it } from 'vitest'
import { attributeOrders, type AttributableSend } from './attribution.ts'

const day = 86_400_000
const at = (days: number) => new Date(Date.UTC(2026, 10, 1) + days * day)
const send = (sendKey: string, sentDay: number, engagedDays: number[], productIds = ['mug']): AttributableSend => ({
  sendKey,
  customerId: 'c1',
  sentAt: at(sentDay),
  productIds,
  engagedAt: engagedDays.map(at),
})

describe('attributeOrders', () => {
  const window = 5 * day

  it('credits an order within the window after an open: direct with a recommended product, influenced without', () => {
    const sends = [send('s1', 0, [1])]
    const orders = [
      { orderId: 'o1', customerId: 'c1', placedAt: at(3), productIds: ['mug', 'tea'] },
      { orderId: 'o2', customerId: 'c1', placedAt: at(4), productIds: ['kettle'] },
    ]
    expect(attributeOrders(sends, orders, window)).toEqual([
      { orderId: 'o1', sendKey: 's1', kind: 'direct' },
      { orderId: 'o2', sendKey: 's1', kind: 'influenced' },
    ])
  })

  it('credits nothing without engagement, before it, after the window, or for another customer', () => {
    const sends = [send('unopened', 0, []), send('opened', 10, [12])]
    const orders = [
      { orderId: 'before-open', customerId: 'c1', placedAt: at(11), productIds: ['mug'] },
      { orderId: 'too-late', customerId: 'c1', placedAt: at(17.5), productIds: ['mug'] },
      { orderId: 'other', customerId: 'c2', placedAt: at(13), productIds: ['mug'] },
    ]
    expect(attributeOrders(sends, orders, window)).toEqual([])
  })

  it('credits an order once, to the latest email that qualifies', () => {
    const sends = [send('first', 0, [1, 2]), send('follow-up', 3, [4], ['tea'])]
    const orders = [{ orderId: 'o1', customerId: 'c1', placedAt: at(5), productIds: ['mug'] }]
    expect(attributeOrders(sends, orders, window)).toEqual([{ orderId: 'o1', sendKey: 'follow-up', kind: 'influenced' }])
  })
})
