import { attributeOrders, type AttributableOrder, type AttributableSend } from './attribution.ts'

/** An email as attribution groups it: by its pairing, its experiment variant and the customer's segment. */
export interface GroupedSend extends AttributableSend {
  pairingId: string | null
  variantId: string | null
  segment: string | null
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
  bySegment: Array<AttributedTotals & { segment: string }>
  /** Credited revenue per UTC day the orders were placed, direct and influenced apart, oldest first. */
  byDay: AttributedDay[]
}

/** One day of credited orders. */
export interface AttributedDay {
  /** `YYYY-MM-DD`, UTC. */
  day: string
  orders: number
  directRevenue: number
  influencedRevenue: number
}

/** Running sums of one group. */
class GroupTally {
  sends = 0
  direct = 0
  influenced = 0
  revenue = 0

  totals(): AttributedTotals {
    const orders = this.direct + this.influenced
    return {
      sends: this.sends,
      orders,
      direct: this.direct,
      influenced: this.influenced,
      revenue: this.revenue,
      averageOrderValue: orders === 0 ? null : this.revenue / orders,
      revenuePerSend: this.sends === 0 ? 0 : this.revenue / this.sends,
    }
  }
}

/**
 * Revenue credited to emails: each order goes to the latest email its customer opened or clicked
 * within `windowDays` before it ({@link attributeOrders}), then totals overall, per pairing, per
 * experiment variant, per segment and per day, in one pass over sends and credits. This is what the emails
 * were credited with, not what they caused: the holdout lift measures that.
 */
export function attributedRevenue(sends: readonly GroupedSend[], orders: readonly OrderWithTotal[], windowDays: number): AttributedRevenue {
  const attributions = attributeOrders(sends, orders, windowDays * 86_400_000)
  const orderById = new Map(orders.map((order) => [order.orderId, order]))
  const sendByKey = new Map(sends.map((send) => [send.sendKey, send]))
  const total = new GroupTally()
  const groupings = {
    pairing: new Map<string, GroupTally>(),
    variant: new Map<string, GroupTally>(),
    segment: new Map<string, GroupTally>(),
  }
  const talliesOf = (send: GroupedSend): GroupTally[] => {
    const tallies = [total]
    for (const [grouping, key] of [
      [groupings.pairing, send.pairingId],
      [groupings.variant, send.variantId],
      [groupings.segment, send.segment],
    ] as const) {
      if (key === null) continue
      let tally = grouping.get(key)
      if (!tally) grouping.set(key, (tally = new GroupTally()))
      tallies.push(tally)
    }
    return tallies
  }
  const days = new Map<string, AttributedDay>()
  for (const send of sends) for (const tally of talliesOf(send)) tally.sends += 1
  for (const attribution of attributions) {
    const order = orderById.get(attribution.orderId)!
    const value = Number(order.total)
    const day = order.placedAt.toISOString().slice(0, 10)
    const daily = days.get(day) ?? { day, orders: 0, directRevenue: 0, influencedRevenue: 0 }
    daily.orders += 1
    daily[attribution.kind === 'direct' ? 'directRevenue' : 'influencedRevenue'] += value
    days.set(day, daily)
    for (const tally of talliesOf(sendByKey.get(attribution.sendKey)!)) {
      tally[attribution.kind] += 1
      tally.revenue += value
    }
  }
  const rows = <K extends string>(grouping: Map<string, GroupTally>, name: K) =>
    [...grouping.keys()].sort().map((key) => ({ [name]: key, ...grouping.get(key)!.totals() }) as AttributedTotals & Record<K, string>)
  return {
    windowDays,
    total: total.totals(),
    byPairing: rows(groupings.pairing, 'pairingId'),
    byVariant: rows(groupings.variant, 'variantId'),
    bySegment: rows(groupings.segment, 'segment'),
    byDay: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  }
}
