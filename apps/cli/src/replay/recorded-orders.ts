import type { OrderLine } from '@crosswise/recommender'
import { readOrderLines } from '../history/order-lines-file.ts'

/** One product line of a recorded order. */
export interface RecordedLine {
  productId: string
  title: string
  quantity: number
  /** Major units. */
  unitPrice: number
}

/** An order of a history file, its lines together. */
export interface RecordedOrder {
  orderId: string
  customerId: string
  /** Epoch milliseconds. */
  placedAt: number
  lines: RecordedLine[]
}

/**
 * Reads a history file (Online Retail or the generic layout, gzip or plain) into its orders, oldest
 * first, with the protocol's rules applied (no cancellations, no non-product codes, no unknown customers).
 */
export async function readRecordedOrders(file: string): Promise<RecordedOrder[]> {
  const orders = new Map<string, RecordedOrder>()
  await readOrderLines(file, (line: OrderLine) => {
    let order = orders.get(line.orderId)
    if (!order) {
      order = { orderId: line.orderId, customerId: line.customerId, placedAt: line.time, lines: [] }
      orders.set(line.orderId, order)
    }
    const same = order.lines.find((known) => known.productId === line.productId)
    if (same) same.quantity += line.quantity
    else
      order.lines.push({
        productId: line.productId,
        title: line.title || line.productId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
      })
  })
  return [...orders.values()].sort((a, b) => a.placedAt - b.placedAt || (a.orderId < b.orderId ? -1 : 1))
}

/**
 * Splits a history at `from`: the orders before it (the store's past, to import and mine) and those
 * on or after it (to replay), the latter limited to the first `customers` customers to order in it.
 */
export function splitAt(
  orders: readonly RecordedOrder[],
  from: number,
  customers = Number.POSITIVE_INFINITY,
): { past: RecordedOrder[]; replayed: RecordedOrder[] } {
  const past = orders.filter((order) => order.placedAt < from)
  const chosen = new Set<string>()
  const replayed = orders.filter((order) => {
    if (order.placedAt < from) return false
    if (!chosen.has(order.customerId) && chosen.size < customers) chosen.add(order.customerId)
    return chosen.has(order.customerId)
  })
  return { past, replayed }
}
