import type { Segment } from '@crosswise/domain'

/** An inclusive price range in major units; a missing end is open. */
export interface PriceBand {
  min?: number
  max?: number
}

/** A store's rules for what may be recommended, applied on top of the model's ranking. */
export interface RecommendationRules {
  /** Category pairs that never go together, in either direction (e.g. `['Pet food', 'Baby']`). */
  incompatibleCategories?: readonly (readonly [string, string])[]
  /** A mined pairing needs the product bought with a trigger product in at least this many orders (default 0: off). */
  minSupport?: number
  /** A mined pairing needs at least this lift with that trigger product (default 0: off); lift filters, it never ranks. */
  minLift?: number
  /** Allowed prices per segment, e.g. VIPs may get premium picks that first-time buyers do not. */
  priceBands?: Partial<Record<Segment, PriceBand>>
}

/** Facts about a product at the time of the recommendation. */
export interface ProductFacts {
  available: boolean
  title?: string
  category?: string
  /** Unit price in major units. */
  price?: number
}

/** Looks up a product; `undefined` for a product the store no longer sells (treated as unavailable). */
export type ProductCatalogue = (productId: string) => ProductFacts | undefined
