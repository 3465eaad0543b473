import { seededRandom } from '@crosswise/domain'
import type { RecordedOrder } from './recorded-orders.ts'

/** A product as a replay's shop lists it, derived from the orders that bought it. */
export interface RecordedProduct {
  productId: string
  title: string
  /** URL slug, unique in the shop. */
  handle: string
  /** The latest price it sold at, major units as a decimal string. */
  price: string
  /** In stock; a few are not, so that journeys must skip them. */
  available: boolean
}

const smallWords = new Set(['of', 'and', 'the', 'a', 'in', 'with', 'for', 'on', 'to'])

/** "WHITE HANGING HEART T-LIGHT HOLDER" → "White Hanging Heart T-Light Holder": the data's titles are in capitals. */
export function titleCase(title: string): string {
  return title
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word, index) =>
      index > 0 && smallWords.has(word)
        ? word
        : word.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
    )
    .join(' ')
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * The catalogue a history implies: every product it sold, titled as first sold, priced as last sold,
 * with a handle made from its title and id; `unavailableShare` of them (seeded) out of stock.
 */
export function recordedCatalogue(
  orders: readonly RecordedOrder[],
  options: { unavailableShare?: number; seed?: number } = {},
): RecordedProduct[] {
  const products = new Map<string, { title: string; price: number }>()
  for (const order of orders) {
    for (const line of order.lines) {
      const known = products.get(line.productId)
      if (known) known.price = line.unitPrice
      else products.set(line.productId, { title: line.title, price: line.unitPrice })
    }
  }
  const rand = seededRandom(options.seed ?? 5)
  return [...products.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([productId, { title, price }]) => {
      const name = titleCase(title) || productId
      return {
        productId,
        title: name,
        handle: `${slug(name)}-${slug(productId)}`.replace(/^-/, ''),
        price: price.toFixed(2),
        available: rand() >= (options.unavailableShare ?? 0.03),
      }
    })
}
