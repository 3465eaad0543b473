import { GrowableArray } from './growable-array.ts'

/**
 * Orders as sets of dense item numbers, in compressed sparse rows: basket `b` holds
 * `items[offsets[b] .. offsets[b + 1])`, sorted ascending without duplicates. One basket is one order
 * (or, for customer-level mining, one customer's whole history).
 */
export interface Baskets {
  /** Items are numbered `0 .. itemCount - 1`. */
  readonly itemCount: number
  /** Customers are numbered `0 .. customerCount - 1`. */
  readonly customerCount: number
  /** `basketCount + 1` offsets into `items`. */
  readonly offsets: Uint32Array
  readonly items: Uint32Array
  /** The customer of each basket. */
  readonly customers: Uint32Array
  /** When each basket was bought, in epoch milliseconds. */
  readonly times: Float64Array
}

/** The number of baskets in `baskets`. */
export function basketCount(baskets: Baskets): number {
  return baskets.offsets.length - 1
}

/** Collects orders one by one into {@link Baskets}. */
export class BasketsBuilder {
  private readonly offsets: GrowableArray<Uint32Array<ArrayBuffer>>
  private readonly items: GrowableArray<Uint32Array<ArrayBuffer>>
  private readonly customers: GrowableArray<Uint32Array<ArrayBuffer>>
  private readonly times: GrowableArray<Float64Array<ArrayBuffer>>
  private scratch = new Uint32Array(64)
  private maxItem = -1
  private maxCustomer = -1

  /** Expected sizes, when known, spare the builder from growing (and briefly doubling) its arrays. */
  constructor(expected: { baskets?: number; items?: number } = {}) {
    this.offsets = GrowableArray.uint32((expected.baskets ?? 0) + 1)
    this.items = GrowableArray.uint32(expected.items ?? 0)
    this.customers = GrowableArray.uint32(expected.baskets ?? 0)
    this.times = GrowableArray.float64(expected.baskets ?? 0)
    this.offsets.push(0)
  }

  /** Adds one order; `items` may be unsorted and hold duplicates (quantities do not matter here). */
  add(customer: number, time: number, items: ArrayLike<number>): void {
    if (items.length > this.scratch.length) this.scratch = new Uint32Array(items.length * 2)
    const sorted = this.scratch.subarray(0, items.length)
    for (let index = 0; index < items.length; index++) sorted[index] = items[index]!
    sorted.sort()
    let previous = -1
    for (const item of sorted) {
      if (item === previous) continue
      this.items.push(item)
      previous = item
    }
    if (previous > this.maxItem) this.maxItem = previous
    if (customer > this.maxCustomer) this.maxCustomer = customer
    this.customers.push(customer)
    this.times.push(time)
    this.offsets.push(this.items.length)
  }

  /**
   * The collected baskets. `itemCount` and `customerCount` default to one past the largest number
   * seen; pass the catalogue's size when some items were never bought.
   */
  build(sizes: { itemCount?: number; customerCount?: number } = {}): Baskets {
    return {
      itemCount: Math.max(sizes.itemCount ?? 0, this.maxItem + 1),
      customerCount: Math.max(sizes.customerCount ?? 0, this.maxCustomer + 1),
      offsets: this.offsets.finish(),
      items: this.items.finish(),
      customers: this.customers.finish(),
      times: this.times.finish(),
    }
  }
}
