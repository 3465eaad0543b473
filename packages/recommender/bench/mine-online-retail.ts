// Child process of run.ts: mines the Online Retail history (all orders, EASE included) and times
// recommendations for every customer's latest order, then prints one JSON line.
import { mineModel, nextBaskets, type RecommendationRequest } from '../src/index.ts'
import { basketCount } from '../src/mining/baskets.ts'
import { peakRssMb, recommendLatency, timed } from './measure.ts'
import { readOnlineRetail } from './online-retail-file.ts'

const read = await (async () => {
  const started = process.hrtime.bigint()
  const history = await readOnlineRetail()
  return { history, seconds: Number(process.hrtime.bigint() - started) / 1e9 }
})()
const { history } = read
const memoryAfterReading = peakRssMb()
const sparse = timed(() => mineModel(history, { easeLambda: false }))
const full = timed(() => mineModel(history))
const model = full.result

// One request per customer: their latest order triggers; the distinct products of the orders before
// are owned, most recent first, as a journey would pass them.
const { baskets } = history
const next = nextBaskets(baskets)
const previous = new Int32Array(next.length).fill(-1)
next.forEach((following, basket) => following >= 0 && (previous[following] = basket))
const idsOf = (basket: number) =>
  Array.from(baskets.items.subarray(baskets.offsets[basket], baskets.offsets[basket + 1]), (item) => history.products.id(item))
const requests: RecommendationRequest[] = []
for (let basket = 0; basket < basketCount(baskets); basket++) {
  if (next[basket] !== -1) continue
  const owned: string[] = []
  for (let earlier = previous[basket]!; earlier >= 0; earlier = previous[earlier]!)
    owned.push(...idsOf(earlier).filter((id) => !owned.includes(id)))
  requests.push({ triggerProductIds: idsOf(basket), ownedProductIds: owned, segment: owned.length > 0 ? 'repeat' : 'first-time', k: 1 })
}

console.log(
  JSON.stringify({
    orders: basketCount(baskets),
    products: history.products.size,
    lines: baskets.items.length,
    readSeconds: read.seconds,
    miningSeconds: sparse.seconds,
    miningWithEaseSeconds: full.seconds,
    memoryAfterReadingMb: memoryAfterReading,
    peakMemoryMb: peakRssMb(),
    latency: recommendLatency(model, requests),
  }),
)
