import type { Segment } from '@crosswise/domain'
import type { PairingModel } from '../mining/pairing-model.ts'
import type { ProductCatalogue, ProductFacts, RecommendationRules } from './business-rules.ts'
import { RuleFilter } from './rule-filter.ts'

/** What a filter needs to know about one request. */
export interface FilterContext {
  readonly triggerProductIds: readonly string[]
  readonly segment: Segment
  readonly catalogue?: ProductCatalogue
  readonly rules?: RecommendationRules
}

/**
 * Decides which model items the store's rules ({@link RuleFilter}) let one request recommend, over
 * the catalogue or, without one, what the model learnt from the orders. (What the customer owns is
 * excluded by the caller, by item number.) Answers for model items are cached per request, since
 * ranking asks about the same item more than once.
 */
export class CandidateFilter {
  private readonly rules: RuleFilter
  private readonly verdicts = new Map<number, boolean>()

  constructor(
    private readonly model: PairingModel,
    private readonly context: FilterContext,
  ) {
    const triggerCategories = context.triggerProductIds.map((productId) => this.facts(productId)?.category)
    this.rules = new RuleFilter({ triggerCategories, rules: context.rules, segment: context.segment })
  }

  /** True when the model item numbered `item` may be recommended. */
  allowsItem(item: number): boolean {
    let verdict = this.verdicts.get(item)
    if (verdict === undefined) {
      verdict = this.allowsProduct(this.model.products.id(item))
      this.verdicts.set(item, verdict)
    }
    return verdict
  }

  /** True when `productId` (known to the model or not) may be recommended. */
  allowsProduct(productId: string): boolean {
    return this.rules.allows(this.facts(productId))
  }

  /**
   * The product's facts: the catalogue's when one is given, else what the model learnt from the
   * orders (available, category, latest price). Without a catalogue, unknown products are unknown.
   */
  facts(productId: string): ProductFacts | undefined {
    if (this.context.catalogue) return this.context.catalogue(productId)
    const item = this.model.products.find(productId)
    if (item === undefined) return undefined
    const category = this.model.categories[item]!
    return {
      available: true,
      title: this.model.titles[item],
      category: category >= 0 ? this.model.categoryNames[category] : undefined,
      price: this.model.prices[item],
    }
  }
}
