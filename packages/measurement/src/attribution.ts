/** An email that went out, with the times its recipient opened or clicked it. */
export interface AttributableSend {
  sendKey: string
  customerId: string
  sentAt: Date
  productIds: readonly string[]
  /** Opens and clicks of this email. */
  engagedAt: readonly Date[]
}

export interface AttributableOrder {
  orderId: string
  customerId: string
  placedAt: Date
  productIds: readonly string[]
}

/** An order credited to an email: `direct` when it holds a recommended product, `influenced` otherwise. */
export interface Attribution {
  orderId: string
  sendKey: string
  kind: 'direct' | 'influenced'
}

/**
 * Credits each order to at most one email: the latest one the customer opened or clicked within
 * `windowMs` before the order (Klaviyo's default for email is five days). An email nobody engaged
 * with earns nothing, however close the order; the holdout comparison measures that effect instead.
 */
export function attributeOrders(sends: readonly AttributableSend[], orders: readonly AttributableOrder[], windowMs: number): Attribution[] {
  const byCustomer = new Map<string, AttributableSend[]>()
  for (const send of sends) byCustomer.set(send.customerId, [...(byCustomer.get(send.customerId) ?? []), send])
  const attributions: Attribution[] = []
  for (const order of orders) {
    const placed = order.placedAt.getTime()
    const qualifying = (byCustomer.get(order.customerId) ?? []).filter((send) =>
      send.engagedAt.some((at) => at.getTime() <= placed && placed - at.getTime() <= windowMs),
    )
    if (qualifying.length === 0) continue
    const latest = qualifying.reduce((best, send) => (send.sentAt > best.sentAt ? send : best))
    const direct = order.productIds.some((productId) => latest.productIds.includes(productId))
    attributions.push({ orderId: order.orderId, sendKey: latest.sendKey, kind: direct ? 'direct' : 'influenced' })
  }
  return attributions
}
