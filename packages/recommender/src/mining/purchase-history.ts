import type { Baskets } from './baskets.ts'
import type { ItemIndex } from './item-index.ts'

/** Past orders plus the product facts that mining and ranking need, all indexed by item number. */
export interface PurchaseHistory {
  /** Maps product ids to the item numbers used in `baskets`. */
  readonly products: ItemIndex
  readonly baskets: Baskets
  /** Product titles by item number, for reasons ("bought with …"). */
  readonly titles: readonly string[]
  /** Product categories by item number; `undefined` for uncategorised products. */
  readonly categories: readonly (string | undefined)[]
  /** Latest unit price by item number, in major units. */
  readonly prices: Float64Array
}
