import { attributeOrders, type AttributableOrder, type AttributableSend } from './attribution.ts'

/** An email as attribution groups it: by its pairing and its experiment variant. */
export interface GroupedSend extends AttributableSend {
  pairingId: string | null
  variantId: string | null
}

/** An order with its total (decimal string, store currency). */
export interface OrderWithTotal extends AttributableOrder {
  total: string
}

/** Orders credited to a group of emails: how many, direct or influenced, their revenue and average value. */
export interface AttributedTotals {
  sends: number
  orders: number
  direct: number
  influenced: number
  revenue: number
  /** Average value of the credited orders; null with none. */
  averageOrderValue: number | null
  revenuePerSend: number
}

export interface AttributedRevenue {
  windowDays: number
  total: AttributedTotals
  byPairing: Array<AttributedTotals & { pairingId: string }>
  byVariant: Array<AttributedTotals & { variantId: string }>
}

/**
 * Revenue credited to emails: each order goes to the latest email its customer opened or clicked
 * within `windowDays` before it ({@link attributeOrders}), then totals per pairing and per experiment
 * variant. This is what the emails were credited with, not what they caused: the holdout lift
 * measures that.
 */
export function attributedRevenue(sends: readonly GroupedSend[], orders: readonly OrderWithTotal[], windowDays: number): AttributedRevenue {
  const attributions = attributeOrders(sends, orders, windowDays * 86_400_000)
  const orderById = new Map(orders.map((order) => [order.orderId, order]))
  const sendByKey = new Map(sends.map((send) => [send.sendKey, send]))
  const totals = (group: (send: GroupedSend) => boolean): AttributedTotals => {
    const credited = attributions.filter((attribution) => group(sendByKey.get(attribution.sendKey)!))
    const revenue = credited.reduce((sum, attribution) => sum + Number(orderById.get(attribution.orderId)!.total), 0)
    const sent = sends.filter(group).length
    return {
      sends: sent,
      orders: credited.length,
      direct: credited.filter((attribution) => attribution.kind === 'direct').length,
      influenced: credited.filter((attribution) => attribution.kind === 'influenced').length,
      revenue,
      averageOrderValue: credited.length === 0 ? null : revenue / credited.length,
      revenuePerSend: sent === 0 ? 0 : revenue / sent,
    }
  }
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((value): value is string => value !== null))].sort()
  return {
    windowDays,
    total: totals(() => true),
    byPairing: distinct(sends.map((send) => send.pairingId)).map((pairingId) => ({
      pairingId,
      ...totals((send) => send.pairingId === pairingId),
    })),
    byVariant: distinct(sends.map((send) => send.variantId)).map((variantId) => ({
      variantId,
      ...totals((send) => send.variantId === variantId),
    })),
  }
}
