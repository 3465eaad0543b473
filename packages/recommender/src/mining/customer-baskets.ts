import { type Baskets, basketCount, BasketsBuilder } from './baskets.ts'

/**
 * One basket per customer holding everything they ever bought, timed at their latest order. Mining
 * these counts customers rather than orders: "N customers bought both".
 */
export function customerBaskets(baskets: Baskets): Baskets {
  const { offsets, items, customers, times, customerCount } = baskets
  const count = basketCount(baskets)
  const starts = new Uint32Array(customerCount + 1)
  for (let basket = 0; basket < count; basket++) starts[customers[basket]! + 1]! += offsets[basket + 1]! - offsets[basket]!
  for (let customer = 0; customer < customerCount; customer++) starts[customer + 1]! += starts[customer]!
  const cursor = starts.slice(0, customerCount)
  const bought = new Uint32Array(items.length)
  const latest = new Float64Array(customerCount).fill(Number.NEGATIVE_INFINITY)
  for (let basket = 0; basket < count; basket++) {
    const customer = customers[basket]!
    for (let position = offsets[basket]!; position < offsets[basket + 1]!; position++) bought[cursor[customer]!++] = items[position]!
    latest[customer] = Math.max(latest[customer]!, times[basket]!)
  }
  const builder = new BasketsBuilder({ baskets: customerCount, items: items.length })
  for (let customer = 0; customer < customerCount; customer++) {
    if (starts[customer + 1] === starts[customer]) continue
    builder.add(customer, latest[customer]!, bought.subarray(starts[customer]!, starts[customer + 1]!))
  }
  return builder.build({ itemCount: baskets.itemCount, customerCount })
}
