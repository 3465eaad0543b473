import { describe, expect, it } from 'vitest'
import type { RecordedOrder } from './recorded-orders.ts'
import { planReplay } from './replay-plan.ts'

const day = 86_400_000
const orders: RecordedOrder[] = Array.from({ length: 400 }, (_, index) => ({
  orderId: String(560_000 + index),
  customerId: String(12_000 + (index % 250)),
  placedAt: Date.parse('2011-11-01T10:00:00Z') + index * 0.07 * day,
  lines: [{ productId: '85123A', title: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPrice: 2.55 }],
}))

describe('planReplay', () => {
  const plan = planReplay(orders, { currency: 'GBP', seed: 3 })
  const now = new Date('2026-12-05T12:00:00Z')

  it('sends every order once and most fulfilments, in data time, with the mix of real Shopify traffic', () => {
    const good = plan.deliveries.filter((delivery) => delivery.kind === 'good')
    expect(good.filter((delivery) => delivery.topic === 'orders/create')).toHaveLength(400)
    expect(good.filter((delivery) => delivery.topic === 'fulfillments/create')).toHaveLength(plan.fulfilled.size)
    expect(plan.fulfilled.size).toBeGreaterThan(360)
    expect(plan.fulfilled.size).toBeLessThan(400)
    expect(plan.customers).toBe(250)
    const count = (kind: string) => plan.deliveries.filter((delivery) => delivery.kind === kind).length
    expect(count('duplicate')).toBe(Math.round(good.length * 0.05))
    expect(count('forged')).toBe(Math.round(good.length * 0.02))
    const times = plan.deliveries.map((delivery) => delivery.atDay)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })

  it('delivers about a tenth of the fulfilments before their order, the rest one to three days after', () => {
    const orderAt = new Map(
      plan.deliveries.filter((d) => d.kind === 'good' && d.topic === 'orders/create').map((d) => [d.orderId, d.atDay]),
    )
    const lags = plan.deliveries
      .filter((d) => d.kind === 'good' && d.topic === 'fulfillments/create')
      .map((d) => d.atDay - orderAt.get(d.orderId)!)
    const early = lags.filter((lag) => lag < 0).length
    expect(early / lags.length).toBeGreaterThan(0.04)
    expect(early / lags.length).toBeLessThan(0.18)
    expect(lags.filter((lag) => lag >= 0).every((lag) => lag >= 1 && lag <= 3)).toBe(true)
  })

  it('gives about a tenth of the orders ids above 2^53, written as bare JSON numbers', () => {
    const big = [...plan.shopifyIds.values()].filter((id) => BigInt(id) > 2n ** 53n)
    expect(big.length / plan.shopifyIds.size).toBeGreaterThan(0.05)
    expect(big.length / plan.shopifyIds.size).toBeLessThan(0.16)
    const delivery = plan.deliveries.find(
      (d) => d.kind === 'good' && d.topic === 'orders/create' && plan.shopifyIds.get(d.orderId!) === big[0],
    )!
    expect(delivery.body(now)).toContain(`{"id":${big[0]},`)
  })

  it('redelivers the very body of the original, after it', () => {
    for (const duplicate of plan.deliveries.filter((delivery) => delivery.kind === 'duplicate')) {
      const original = plan.deliveries.find((delivery) => delivery.kind === 'good' && delivery.webhookId === duplicate.after)!
      expect(duplicate.atDay).toBeGreaterThan(original.atDay)
      expect(duplicate.body(new Date(now.getTime() + 5_000))).toBe(original.body(now))
      expect(duplicate.webhookId === original.webhookId || duplicate.eventId === original.eventId).toBe(true)
    }
  })

  it('writes Shopify’s order: the customer’s subscribed email, the lines, the total, the time of sending', () => {
    const first = plan.deliveries.find((d) => d.kind === 'good' && d.topic === 'orders/create' && d.orderId === '560000')!
    const body = JSON.parse(first.body(now).replace(/:(\d{16,})/g, ':"$1"')) as Record<string, unknown>
    expect(body).toMatchObject({
      email: 'customer-12000@online-retail.example',
      created_at: now.toISOString(),
      currency: 'GBP',
      total_price: '15.30',
      customer: { id: '12000', email_marketing_consent: { state: 'subscribed' } },
      line_items: [{ product_id: '85123A', quantity: 6, price: '2.55' }],
    })
  })
})
