import type { JourneyPolicy, Segment } from './journey-policy.ts'
import { decimalToUnits, unitsToDecimal } from './money.ts'

/** One past order as segmentation sees it. */
export interface PastOrder {
  /** Order total in major units of the store currency, a decimal string. */
  total: string
  /** Category of each line; lines without one are skipped. */
  categories: readonly (string | null | undefined)[]
  /** Cancelled orders count for nothing. */
  cancelled?: boolean
}

/** Who a customer is to the store: their segment and what they buy. */
export interface CustomerProfile {
  segment: Segment
  /** Orders that count (cancelled ones excluded). */
  orders: number
  /** Lifetime spend, decimal string in major units. */
  spend: string
  /** Categories bought, most lines first (ties by name). */
  categories: string[]
}

/**
 * Classifies a customer from their order history: VIP at or above the store's order-count or spend
 * threshold, repeat with two or more orders, first-time otherwise. Pure; the history includes the
 * order that started the journey.
 */
export function classifySegment(history: readonly PastOrder[], thresholds: JourneyPolicy['segments']): CustomerProfile {
  const counted = history.filter((order) => !order.cancelled)
  const spendUnits = counted.reduce((sum, order) => sum + decimalToUnits(order.total), 0n)
  // The threshold is a plain number in major units; to ten-thousandths once, so the comparison is exact.
  const vipSpendUnits = BigInt(Math.round(thresholds.vipMinSpend * 10_000))
  const segment: Segment =
    counted.length >= thresholds.vipMinOrders || (counted.length > 0 && spendUnits >= vipSpendUnits)
      ? 'vip'
      : counted.length >= 2
        ? 'repeat'
        : 'first-time'

  const lines = new Map<string, number>()
  for (const order of counted) {
    for (const category of order.categories) if (category) lines.set(category, (lines.get(category) ?? 0) + 1)
  }
  const categories = [...lines].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([category]) => category)
  return { segment, orders: counted.length, spend: unitsToDecimal(spendUnits), categories }
}
