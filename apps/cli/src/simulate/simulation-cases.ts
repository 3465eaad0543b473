import { seededRandom } from '@crosswise/domain'
import type { RecordedOrder } from '../replay/recorded-orders.ts'

/** One customer to simulate, as `crosswise evaluate` splits them: last order before the cutoff, first after. */
export interface SimulationCase {
  customerId: string
  /** The customer's last order before the cutoff: the journey's trigger. */
  trigger: RecordedOrder
  /** The customer's first order at or after the cutoff: what they bought next. */
  next: RecordedOrder
}

/**
 * Every customer with an order before `cutoff` (epoch ms) and one at or after it, by customer id.
 * `orders` come oldest first (as `readRecordedOrders` returns them), so among orders placed at the
 * same moment the later one in the list is the trigger, as in the recommender's split.
 */
export function buildSimulationCases(orders: readonly RecordedOrder[], cutoff: number): SimulationCase[] {
  const triggers = new Map<string, RecordedOrder>()
  const next = new Map<string, RecordedOrder>()
  for (const order of orders) {
    if (order.placedAt < cutoff) triggers.set(order.customerId, order)
    else if (!next.has(order.customerId)) next.set(order.customerId, order)
  }
  return [...triggers]
    .flatMap(([customerId, trigger]) => {
      const after = next.get(customerId)
      return after ? [{ customerId, trigger, next: after }] : []
    })
    .sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))
}

/**
 * A seeded random sample of `limit` cases (all of them when `limit` is infinite), so a small run
 * spreads over the whole period instead of taking its first customers; kept in customer-id order.
 */
export function sampleCases(cases: readonly SimulationCase[], limit: number, seed = 11): SimulationCase[] {
  if (limit >= cases.length) return [...cases]
  const rand = seededRandom(seed)
  const shuffled = [...cases]
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(rand() * (index + 1))
    ;[shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!]
  }
  return shuffled.slice(0, limit).sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))
}
