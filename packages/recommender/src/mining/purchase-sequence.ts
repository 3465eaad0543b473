import { type Baskets, basketCount } from './baskets.ts'

/**
 * For each basket, the same customer's next basket in time (`-1` for their latest). Equal times keep
 * basket order, so the answer does not depend on the sort's stability.
 */
export function nextBaskets(baskets: Baskets): Int32Array {
  const { customers, times, customerCount } = baskets
  const count = basketCount(baskets)
  // Counting sort by customer keeps each customer's baskets in input order, which is usually already
  // chronological; only out-of-order groups pay for a sort.
  const starts = new Uint32Array(customerCount + 1)
  for (let basket = 0; basket < count; basket++) starts[customers[basket]! + 1]!++
  for (let customer = 0; customer < customerCount; customer++) starts[customer + 1]! += starts[customer]!
  const cursor = starts.slice(0, customerCount)
  const byCustomer = new Uint32Array(count)
  for (let basket = 0; basket < count; basket++) byCustomer[cursor[customers[basket]!]!++] = basket

  const next = new Int32Array(count).fill(-1)
  for (let customer = 0; customer < customerCount; customer++) {
    const group = byCustomer.subarray(starts[customer]!, starts[customer + 1]!)
    if (!isChronological(group, times)) {
      const sorted = Array.from(group).sort((a, b) => times[a]! - times[b]! || a - b)
      group.set(sorted)
    }
    for (let position = 0; position + 1 < group.length; position++) next[group[position]!] = group[position + 1]!
  }
  return next
}

function isChronological(group: Uint32Array, times: Float64Array): boolean {
  for (let position = 1; position < group.length; position++) {
    if (times[group[position]!]! < times[group[position - 1]!]!) return false
  }
  return true
}
