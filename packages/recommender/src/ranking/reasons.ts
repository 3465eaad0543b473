import type { PairingModel } from '../mining/pairing-model.ts'
import type { PairScores } from '../mining/pair-counts.ts'
import type { RankedItem } from './blend.ts'
import { type ItemQuery, queryBudget } from './signal-scores.ts'

/** A sentence a customer (or a store owner) can read, and the product it points to. */
export interface Reason {
  readonly text: string
  /** The purchased product the reason refers to, if any. */
  readonly becauseOf: number | undefined
  /** Orders holding both the item and `becauseOf`, when the reason is a co-purchase; else 0. */
  readonly support: number
}

/**
 * Explains one ranked item with the strongest fact behind it: bought together in N orders, bought in
 * the next order N times, bought by the same customers (EASE), or popularity and trend. Trigger items are
 * preferred over earlier purchases as the anchor, since the email is about the order just placed.
 */
export function explain(model: PairingModel, ranked: RankedItem, query: ItemQuery, title: (item: number) => string): Reason {
  if (ranked.source === 'popular') {
    const category = model.categories[ranked.item]!
    const text =
      category >= 0
        ? `Popular in ${model.categoryNames[category]}`
        : model.trend[ranked.item]! > 0
          ? 'Selling fast right now'
          : 'One of the store’s best sellers'
    return { text, becauseOf: undefined, support: 0 }
  }
  if (ranked.support > 0 && ranked.supportFrom >= 0) {
    const text = `Bought with ${title(ranked.supportFrom)} in ${times(ranked.support, 'order')}`
    return { text, becauseOf: ranked.supportFrom, support: ranked.support }
  }
  // Rows are searched only up to their head, as ranking reads them, so explaining costs no more than ranking.
  const perRow = Math.max(1, Math.floor(queryBudget / Math.max(1, query.trigger.length + query.history.length)))
  for (const items of [query.trigger, query.history]) {
    const together = strongest(model.coPurchases, model.coPurchases.counts, items, ranked.item, perRow)
    if (together) {
      const text = `Bought with ${title(together.from)} in ${times(together.value, 'order')}`
      return { text, becauseOf: together.from, support: together.value }
    }
    const next = strongest(model.transitions, model.transitions.counts, items, ranked.item, perRow)
    if (next) {
      const text = `Bought next by customers who bought ${title(next.from)} (${times(next.value, 'time')})`
      return { text, becauseOf: next.from, support: 0 }
    }
    const similar = model.ease && strongest(model.ease, model.ease.scores, items, ranked.item, perRow)
    if (similar) return { text: `Often bought by customers who bought ${title(similar.from)}`, becauseOf: similar.from, support: 0 }
  }
  return { text: 'Goes with your earlier purchases', becauseOf: undefined, support: 0 }
}

function times(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The query item whose row head (`perRow` entries) gives `item` the largest value, if any holds it. */
function strongest(
  pairs: PairScores,
  values: ArrayLike<number>,
  items: ArrayLike<number>,
  item: number,
  perRow: number,
): { from: number; value: number } | undefined {
  let best: { from: number; value: number } | undefined
  for (let index = 0; index < items.length; index++) {
    const from = items[index]!
    const end = Math.min(pairs.offsets[from + 1]!, pairs.offsets[from]! + perRow)
    for (let position = pairs.offsets[from]!; position < end; position++) {
      if (pairs.partners[position] === item && values[position]! > (best?.value ?? 0)) best = { from, value: values[position]! }
    }
  }
  return best
}
