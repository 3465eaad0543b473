import { BasketsBuilder, ItemIndex, type PurchaseHistory } from '../src/index.ts'

/** Size of the synthetic store. */
export interface StoreShape {
  orders: number
  products: number
  /** Products come in themes (a tea set, a garden range); baskets mostly stay within one. */
  themes: number
  seed: number
}

/** mulberry32: a tiny seeded generator, so every run and machine sees the same orders. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Samples ranks 0 … n-1 with probability ∝ 1/(rank+1)^exponent (Zipf), by binary search on the CDF. */
function zipf(n: number, exponent: number, next: () => number): () => number {
  const cdf = new Float64Array(n)
  let total = 0
  for (let rank = 0; rank < n; rank++) cdf[rank] = total += 1 / (rank + 1) ** exponent
  return () => {
    const target = next() * total
    let low = 0
    let high = n - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cdf[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
}

/**
 * A store with power-law popularity (Zipf over products, and over products within a theme), baskets
 * of 1–10 items (P(size) ∝ size^-½, mean ≈ 4.5) that mostly stay within a theme, and customers with
 * a favourite theme who order 1 + Geometric(0.3) times (mean 3.3), days apart, over a year.
 */
export function generateOrders(shape: StoreShape): PurchaseHistory {
  const next = random(shape.seed)
  const perTheme = Math.ceil(shape.products / shape.themes)
  const anyProduct = zipf(shape.products, 1, next)
  const withinTheme = zipf(perTheme, 1.1, next)
  const anyTheme = zipf(shape.themes, 0.8, next)
  const sizeCdf = Array.from({ length: 10 }, (_, size) => (size + 1) ** -0.5)
  const sizeTotal = sizeCdf.reduce((sum, weight) => sum + weight, 0)
  const basketSize = (): number => {
    let target = next() * sizeTotal
    for (let size = 0; size < 10; size++) if ((target -= sizeCdf[size]!) <= 0) return size + 1
    return 10
  }
  const fromTheme = (theme: number): number => {
    const product = theme + withinTheme() * shape.themes
    return product < shape.products ? product : theme
  }

  const builder = new BasketsBuilder({ baskets: shape.orders, items: Math.ceil(shape.orders * 4.6) })
  const items: number[] = []
  const day = 86_400_000
  let customer = 0
  for (let order = 0; order < shape.orders; customer++) {
    const favourite = anyTheme()
    let time = Date.UTC(2024, 0, 1) + Math.floor(next() * 365) * day
    do {
      items.length = 0
      const first = next() < 0.5 ? fromTheme(favourite) : anyProduct()
      items.push(first)
      for (let size = basketSize(); items.length < size;) items.push(next() < 0.6 ? fromTheme(first % shape.themes) : anyProduct())
      builder.add(customer, time, items)
      time += Math.ceil(-Math.log(1 - next()) * 30) * day
      order++
    } while (order < shape.orders && next() > 0.3)
  }
  const baskets = builder.build({ itemCount: shape.products, customerCount: customer })
  const productIds = Array.from({ length: shape.products }, (_, product) => `p${String(product).padStart(6, '0')}`)
  return {
    products: ItemIndex.of(productIds),
    baskets,
    titles: productIds.map((id) => `Product ${id}`),
    categories: productIds.map((_, product) => `theme ${product % shape.themes}`),
    prices: Float64Array.from(productIds, () => Math.round(100 + next() * 9_900) / 100),
  }
}
