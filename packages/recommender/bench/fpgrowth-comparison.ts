// Child process of run.ts: the same task, "every pair bought together in at least s% of orders",
// mined by our pair counter and by node-fpgrowth, on the same baskets; checks both find the same
// pairs with the same counts, then prints one JSON line.
import { FPGrowth } from 'node-fpgrowth'
import { type Baskets, countPairs } from '../src/index.ts'
import { basketCount } from '../src/mining/baskets.ts'
import { generateOrders } from './generate-orders.ts'
import { timed } from './measure.ts'
import { hasOnlineRetail, readOnlineRetail } from './online-retail-file.ts'

async function compare(name: string, baskets: Baskets, minShare: number) {
  const minCount = Math.ceil(minShare * basketCount(baskets))
  const ours = timed(() => countPairs(baskets, { minSupport: minCount }).coPurchases)
  const ourPairs = new Map<string, number>()
  for (let item = 0; item < ours.result.itemCount; item++) {
    for (let position = ours.result.offsets[item]!; position < ours.result.offsets[item + 1]!; position++) {
      const partner = ours.result.partners[position]!
      if (item < partner) ourPairs.set(`${item},${partner}`, ours.result.counts[position]!)
    }
  }
  const transactions = Array.from({ length: basketCount(baskets) }, (_, basket) =>
    Array.from(baskets.items.subarray(baskets.offsets[basket], baskets.offsets[basket + 1])),
  )
  const started = process.hrtime.bigint()
  const itemsets = await new FPGrowth<number>(minShare).exec(transactions)
  const theirSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const theirPairs = itemsets.filter(({ items }) => items.length === 2)
  const agree =
    theirPairs.length === ourPairs.size &&
    theirPairs.every(({ items: [a = 0, b = 0], support }) => ourPairs.get(`${Math.min(a, b)},${Math.max(a, b)}`) === support)
  return {
    name,
    orders: basketCount(baskets),
    lines: baskets.items.length,
    minShare,
    minCount,
    pairs: ourPairs.size,
    itemsets: itemsets.length,
    oursSeconds: ours.seconds,
    fpgrowthSeconds: theirSeconds,
    agree,
  }
}

const results = []
if (hasOnlineRetail()) results.push(await compare('Online Retail', (await readOnlineRetail()).baskets, 0.01))
results.push(
  await compare(
    'generated 100 k orders × 10 k products',
    generateOrders({ orders: 100_000, products: 10_000, themes: 500, seed: 11 }).baskets,
    0.0005,
  ),
)
console.log(JSON.stringify(results))
