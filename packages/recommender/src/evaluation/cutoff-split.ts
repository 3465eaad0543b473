import { basketCount, BasketsBuilder } from '../mining/baskets.ts'
import { compareIds, ItemIndex } from '../mining/item-index.ts'
import type { PurchaseHistory } from '../mining/purchase-history.ts'
import type { OrderHistory } from './order-history.ts'

/** A customer group that metrics are reported for; `top-spend` overlaps the other two. */
export type EvaluationSegment = 'first-time' | 'repeat' | 'top-spend'

/** One customer to predict for: what they bought last, what they own, what they bought next. */
export interface EvaluationCase {
  /** Customer number in the history. */
  readonly customer: number
  /** Items of the customer's last order before the cutoff (training item numbers). */
  readonly trigger: Uint32Array
  /** Items of the customer's earlier orders that are not in the trigger, most recent first. */
  readonly history: Uint32Array
  /** Every item the customer bought before the cutoff, ascending; never a correct answer. */
  readonly owned: Uint32Array
  /** Items of the first order after the cutoff that the customer never bought before. */
  readonly truth: Uint32Array
  readonly segments: readonly EvaluationSegment[]
}

/** The training history (orders before the cutoff) and the cases to score a model on. */
export interface EvaluationSplit {
  readonly training: PurchaseHistory
  readonly cases: readonly EvaluationCase[]
}

/** Where to split and what counts. */
export interface SplitOptions {
  /** Orders strictly before this instant (epoch ms) train; the first order at or after it is the truth. */
  cutoff: number
  /** Truth orders must come before this instant (a validation split stops where the test begins). */
  until?: number
  /** Items in fewer training baskets are dropped everywhere (default 3). */
  minTrainingBaskets?: number
  /** Share of customers, by spend before the cutoff, that forms `top-spend` (default 0.2). */
  topSpendShare?: number
}

/**
 * Splits `history` at a global time cutoff following DESIGN §6: training = orders before the cutoff
 * restricted to items in at least `minTrainingBaskets` of them; for each customer who ordered before
 * and after, trigger = their last order before, truth = the new items of their first order after.
 * Customers whose next order holds nothing new are left out, since there is nothing to cross-sell.
 * Training items are numbered in product-id order, so the split does not depend on line order.
 */
export function splitAtCutoff(history: OrderHistory, options: SplitOptions): EvaluationSplit {
  const { cutoff, until = Number.POSITIVE_INFINITY, minTrainingBaskets = 3, topSpendShare = 0.2 } = options
  const { baskets, products, spend } = history
  const { offsets, items, customers, times } = baskets
  const orderCount = basketCount(baskets)
  const customerCount = baskets.customerCount

  const frequency = new Uint32Array(baskets.itemCount)
  const lastBefore = new Int32Array(customerCount).fill(-1)
  const firstAfter = new Int32Array(customerCount).fill(-1)
  const ordersBefore = new Uint32Array(customerCount)
  const spendBefore = new Float64Array(customerCount)
  for (let order = 0; order < orderCount; order++) {
    const customer = customers[order]!
    const time = times[order]!
    if (time < cutoff) {
      for (let position = offsets[order]!; position < offsets[order + 1]!; position++) frequency[items[position]!]!++
      ordersBefore[customer]!++
      spendBefore[customer]! += spend[order]!
      const last = lastBefore[customer]!
      if (last < 0 || time >= times[last]!) lastBefore[customer] = order
    } else if (time < until) {
      const first = firstAfter[customer]!
      if (first < 0 || time < times[first]!) firstAfter[customer] = order
    }
  }

  const kept = Array.from({ length: baskets.itemCount }, (_, item) => item)
    .filter((item) => frequency[item]! >= minTrainingBaskets)
    .sort((a, b) => compareIds(products.id(a), products.id(b)))
  const trainingNumber = new Int32Array(baskets.itemCount).fill(-1)
  kept.forEach((item, number) => (trainingNumber[item] = number))
  const renumber = (order: number): number[] => {
    const renumbered: number[] = []
    for (let position = offsets[order]!; position < offsets[order + 1]!; position++) {
      const number = trainingNumber[items[position]!]!
      if (number >= 0) renumbered.push(number)
    }
    return renumbered
  }

  const builder = new BasketsBuilder()
  const ordersOf = new Map<number, number[]>()
  for (let customer = 0; customer < customerCount; customer++) {
    if (lastBefore[customer]! >= 0 && firstAfter[customer]! >= 0) ordersOf.set(customer, [])
  }
  for (let order = 0; order < orderCount; order++) {
    if (times[order]! >= cutoff) continue
    const renumbered = renumber(order)
    ordersOf.get(customers[order]!)?.push(order)
    if (renumbered.length > 0) builder.add(customers[order]!, times[order]!, renumbered)
  }

  const topSpendFrom = spendThreshold(spendBefore, ordersBefore, topSpendShare)
  const cases: EvaluationCase[] = []
  for (const [customer, orders] of ordersOf) {
    const trigger = renumber(lastBefore[customer]!)
    const seen = new Set(trigger)
    const history: number[] = []
    for (const order of orders.sort((a, b) => times[b]! - times[a]! || b - a)) {
      for (const item of renumber(order)) {
        if (!seen.has(item)) history.push(item)
        seen.add(item)
      }
    }
    const truth = renumber(firstAfter[customer]!).filter((item) => !seen.has(item))
    if (truth.length === 0) continue
    const segments: EvaluationSegment[] = [ordersBefore[customer] === 1 ? 'first-time' : 'repeat']
    if (spendBefore[customer]! >= topSpendFrom) segments.push('top-spend')
    cases.push({
      customer,
      trigger: Uint32Array.from(trigger).sort(),
      history: Uint32Array.from(history),
      owned: Uint32Array.from(seen).sort(),
      truth: Uint32Array.from(truth).sort(),
      segments,
    })
  }
  return { training: trainingHistory(history, kept, builder, customerCount), cases }
}

/** The smallest spend inside the top `share` of customers who ordered before the cutoff. */
function spendThreshold(spend: Float64Array, orders: Uint32Array, share: number): number {
  const spenders = spend
    .filter((_, customer) => orders[customer]! > 0)
    .sort()
    .reverse()
  if (spenders.length === 0) return Number.POSITIVE_INFINITY
  return spenders[Math.max(0, Math.ceil(share * spenders.length) - 1)]!
}

function trainingHistory(history: OrderHistory, kept: number[], builder: BasketsBuilder, customerCount: number): PurchaseHistory {
  return {
    products: ItemIndex.of(kept.map((item) => history.products.id(item))),
    baskets: builder.build({ itemCount: kept.length, customerCount }),
    titles: kept.map((item) => history.titles[item] ?? ''),
    categories: kept.map((item) => history.categories[item]),
    prices: Float64Array.from(kept, (item) => history.prices[item]!),
  }
}
