// Child process of run.ts: generates a large synthetic store, mines it and times recommendations,
// then prints one JSON line. A process of its own gives a clean peak-memory reading.
import { mineModel, type RecommendationRequest } from '../src/index.ts'
import { basketCount } from '../src/mining/baskets.ts'
import { generateOrders } from './generate-orders.ts'
import { peakRssMb, recommendLatency, timed } from './measure.ts'

const orders = Number(process.argv[2] ?? 10_000_000)
const products = Number(process.argv[3] ?? 100_000)
const generated = timed(() => generateOrders({ orders, products, themes: 2_000, seed: 7 }))
const history = generated.result
const memoryAfterGeneration = peakRssMb()
// A 100 k-product catalogue is past EASE's limit; rows of pairs seen at least twice, 200 partners
// each, are what such a store would keep (see MiningOptions).
const mined = timed(() => mineModel(history, { easeLambda: false, minPairCount: 2, maxPartners: 200 }))
const memoryAfterMining = peakRssMb()
const model = mined.result

const { baskets } = history
const requests: RecommendationRequest[] = []
const step = Math.max(1, Math.floor(basketCount(baskets) / 10_000))
const idsOf = (basket: number) =>
  Array.from(baskets.items.subarray(baskets.offsets[basket], baskets.offsets[basket + 1]), (item) => history.products.id(item))
for (let basket = 1; basket < basketCount(baskets); basket += step) {
  const earlier = baskets.customers[basket - 1] === baskets.customers[basket] ? idsOf(basket - 1) : []
  requests.push({ triggerProductIds: idsOf(basket), ownedProductIds: earlier, segment: 'repeat', k: 1 })
}

console.log(
  JSON.stringify({
    orders,
    products,
    lines: baskets.items.length,
    customers: baskets.customerCount,
    generationSeconds: generated.seconds,
    miningSeconds: mined.seconds,
    miningCpuSeconds: mined.cpuSeconds,
    memoryAfterGenerationMb: memoryAfterGeneration,
    peakMemoryMb: memoryAfterMining,
    storedPairs: model.coPurchases.partners.length,
    storedTransitions: model.transitions.partners.length,
    latency: recommendLatency(model, requests),
  }),
)
