import type { Segment } from '@crosswise/domain'
import { blockedCategories } from './blocked-categories.ts'
import type { PriceBand, ProductFacts, RecommendationRules } from './business-rules.ts'

/** The request a {@link RuleFilter} judges for: the order's categories, the store's rules, the segment. */
export interface RuleContext {
  /** Categories of the order's products (unknown ones as `undefined`). */
  triggerCategories: Iterable<string | undefined>
  rules?: RecommendationRules | undefined
  /** The customer's segment, for the rules' price bands; without it no band applies. */
  segment?: Segment | undefined
}

/**
 * The store's rules for one request, in one place: never an unavailable or unknown product, never a
 * category the store marks incompatible with one of the order's, never a price outside the segment's
 * band. The model's ranking, the stored pairings' choice and the journeys' best sellers all ask it.
 */
export class RuleFilter {
  private readonly blocked: Set<string>
  private readonly band: PriceBand | undefined

  constructor(context: RuleContext) {
    this.blocked = blockedCategories(context.triggerCategories, context.rules?.incompatibleCategories)
    this.band = context.segment === undefined ? undefined : context.rules?.priceBands?.[context.segment]
  }

  /** True when a product with these facts may be recommended; `undefined` facts: a product not sold any more. */
  allows(facts: ProductFacts | undefined): boolean {
    return facts?.available === true && this.allowsCategory(facts.category) && this.allowsPrice(facts.price)
  }

  /** True unless `category` is one the store marks incompatible with the order's. */
  allowsCategory(category: string | null | undefined): boolean {
    return category === null || category === undefined || !this.blocked.has(category)
  }

  /** True when `price` (major units) lies inside the segment's band; a band the price cannot be checked against is not met. */
  allowsPrice(price: number | undefined): boolean {
    const band = this.band
    if (band?.min === undefined && band?.max === undefined) return true
    if (price === undefined) return false
    return (band.min === undefined || price >= band.min) && (band.max === undefined || price <= band.max)
  }
}
