import { z } from 'zod'

const count = z.number().int().nonnegative()

/**
 * One mined "bought X → recommend Y": the recommender's ranking for X alone, with the counts behind
 * it, as the recommender yields it, the mining thread passes it on, the database stores it and the
 * admin API shows it.
 */
export const minedPairingSchema = z.object({
  triggerProductId: z.string(),
  rank: z.number().int().min(1).describe('1 = the trigger product’s best partner'),
  recommendedProductId: z.string(),
  score: z.number().describe('The model’s blended score for a query of the trigger alone; only the order matters'),
  support: count.describe('Orders holding both products'),
  confidence: z.number().describe('support / triggerOrders: the share of the trigger product’s orders that hold the recommended one'),
  lift: z.number().describe('support relative to chance; a filter, never a score'),
  triggerOrders: count.describe('Orders holding the trigger product (orders counted for pairs)'),
  recommendedOrders: count.describe('Orders holding the recommended product'),
  nextOrderCount: count.describe('Times the recommended product was bought in the order after one holding the trigger'),
  reason: z.string().describe('Why, in words, e.g. "Bought with Earl Grey in 7 orders"'),
})
export type MinedPairing = z.infer<typeof minedPairingSchema>
