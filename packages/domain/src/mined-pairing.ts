/**
 * One mined "bought X → recommend Y": the recommender's ranking for X alone, with the counts behind
 * it, as the recommender yields it and the database stores it.
 */
export interface MinedPairing {
  triggerProductId: string
  /** 1 = the trigger's best partner. */
  rank: number
  recommendedProductId: string
  /** The model's blended score for a query of the trigger alone; only the order matters. */
  score: number
  /** Orders holding both products. */
  support: number
  /** support / triggerOrders: how often the trigger's orders held the partner too. */
  confidence: number
  /** support relative to chance; a filter, never a score. */
  lift: number
  /** Orders holding the trigger product; orders holding the recommended one (orders counted for pairs). */
  triggerOrders: number
  recommendedOrders: number
  /** Times the recommended product was bought in the order after one holding the trigger. */
  nextOrderCount: number
  /** Why, in words, e.g. "Bought with Earl Grey in 7 orders". */
  reason: string
}
