import { BasketsBuilder } from '../mining/baskets.ts'
import { GrowableArray } from '../mining/growable-array.ts'
import { compareIds, ItemIndex } from '../mining/item-index.ts'
import type { PurchaseHistory } from '../mining/purchase-history.ts'
import type { OrderLine } from './order-line.ts'

/** A store's order history: one basket per order, plus who bought it and what it cost. */
export interface OrderHistory extends PurchaseHistory {
  /** Maps customer ids to the customer numbers in `baskets.customers`. */
  readonly customers: ItemIndex
  /** Each order's total (quantity × unit price summed), in major units. */
  readonly spend: Float64Array
}

/**
 * Collects order lines (in any order, an order's lines need not be adjacent) into an
 * {@link OrderHistory}. An order's time and customer are those of its first line.
 */
export class OrderHistoryBuilder {
  private readonly products = new ItemIndex()
  private readonly customers = new ItemIndex()
  private readonly orderNumbers = new Map<string, number>()
  private readonly orderCustomers = GrowableArray.uint32()
  private readonly orderTimes = GrowableArray.float64()
  private readonly orderSpend = GrowableArray.float64()
  private readonly lineOrders = GrowableArray.uint32()
  private readonly lineItems = GrowableArray.uint32()
  private readonly titles: string[] = []
  private readonly categories: (string | undefined)[] = []
  private readonly prices = GrowableArray.float64()

  /** Adds one accepted line. */
  add(line: OrderLine): void {
    let order = this.orderNumbers.get(line.orderId)
    if (order === undefined) {
      order = this.orderNumbers.size
      this.orderNumbers.set(line.orderId, order)
      this.orderCustomers.push(this.customers.intern(line.customerId))
      this.orderTimes.push(line.time)
      this.orderSpend.push(0)
    }
    const item = this.products.intern(line.productId)
    if (item === this.titles.length) {
      this.titles.push(line.title)
      this.categories.push(line.category)
      this.prices.push(line.unitPrice)
    }
    this.lineOrders.push(order)
    this.lineItems.push(item)
    this.orderSpend.addAt(order, line.quantity * line.unitPrice)
    this.prices.set(item, line.unitPrice)
  }

  /**
   * The history so far. Orders come out in the order their first line arrived; products are
   * numbered in id order, so that ties in rankings do not depend on the order of the lines.
   */
  build(): OrderHistory {
    const lineOrders = this.lineOrders.finish()
    const lineItems = this.lineItems.finish()
    const orderCount = this.orderNumbers.size
    const ids = this.products.ids()
    const byId = Array.from(ids.keys()).sort((a, b) => compareIds(ids[a]!, ids[b]!))
    const number = new Uint32Array(ids.length)
    byId.forEach((item, position) => (number[item] = position))
    // Group lines by order with a counting sort: one pass, no per-order arrays.
    const starts = new Uint32Array(orderCount + 1)
    for (const order of lineOrders) starts[order + 1]!++
    for (let order = 0; order < orderCount; order++) starts[order + 1]! += starts[order]!
    const cursor = starts.slice(0, orderCount)
    const grouped = new Uint32Array(lineItems.length)
    for (let line = 0; line < lineItems.length; line++) grouped[cursor[lineOrders[line]!]!++] = number[lineItems[line]!]!

    const customers = this.orderCustomers.finish()
    const times = this.orderTimes.finish()
    const builder = new BasketsBuilder({ baskets: orderCount, items: lineItems.length })
    for (let order = 0; order < orderCount; order++) {
      builder.add(customers[order]!, times[order]!, grouped.subarray(starts[order]!, starts[order + 1]!))
    }
    const prices = this.prices.finish()
    return {
      products: ItemIndex.of(byId.map((item) => ids[item]!)),
      customers: this.customers,
      baskets: builder.build({ itemCount: ids.length, customerCount: this.customers.size }),
      titles: byId.map((item) => this.titles[item]!),
      categories: byId.map((item) => this.categories[item]),
      prices: Float64Array.from(byId, (item) => prices[item]!),
      spend: this.orderSpend.finish().slice(),
    }
  }
}
