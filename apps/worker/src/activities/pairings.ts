import { bestSellersIn, findProducts, manualPairingsFor, orderLines, ownedProductIds, type Db } from '@crosswise/db'
import type { JourneyActivities, PairingPick } from '@crosswise/journeys'
import { z } from 'zod'
import { parseInput } from './failures.ts'

const pickSchema = z.object({
  storeId: z.string().min(1),
  customerId: z.string().min(1),
  orderId: z.string().min(1),
  excludePairingIds: z.array(z.string()),
  excludeProductIds: z.array(z.string()),
})

/**
 * Chooses what to recommend after an order, until the recommender is wired in: the store's manual
 * pairings for the order's products (highest priority first), then the best seller of the same
 * category. Never a product the customer owns, one that is unavailable or has no page, or one this
 * journey already recommended.
 */
export function pairingActivities(db: Db): Pick<JourneyActivities, 'pickPairing'> {
  return {
    async pickPairing(raw) {
      const { storeId, customerId, orderId, excludePairingIds, excludeProductIds } = parseInput(pickSchema, raw)
      const lines = await orderLines(db, storeId, orderId)
      const triggerIds = [...new Set(lines.map((line) => line.productId))]
      const excluded = new Set([...(await ownedProductIds(db, storeId, customerId)), ...triggerIds, ...excludeProductIds])
      const usable = (pairingId: string, productId: string) => !excludePairingIds.includes(pairingId) && !excluded.has(productId)

      for (const manual of await manualPairingsFor(db, storeId, triggerIds)) {
        const pairingId = `manual:${manual.triggerProductId}:${manual.recommendedProductId}`
        if (usable(pairingId, manual.recommendedProductId)) {
          return { pairingId, source: 'manual', triggerProductId: manual.triggerProductId, productIds: [manual.recommendedProductId] } satisfies PairingPick
        }
      }

      // Categories of the order's products: the catalogue's, else the order line's own.
      const catalogue = new Map((await findProducts(db, storeId, triggerIds)).map((product) => [product.productId, product.category]))
      const triggerOf = new Map<string, string>()
      for (const line of lines) {
        const category = catalogue.get(line.productId) ?? line.category
        if (category && !triggerOf.has(category)) triggerOf.set(category, line.productId)
      }
      const sellers = await bestSellersIn(db, storeId, [...triggerOf.keys()], [...excluded], 20)
      for (const seller of sellers) {
        const pairingId = `best-seller:${seller.category}:${seller.productId}`
        if (usable(pairingId, seller.productId)) {
          return { pairingId, source: 'best-seller', triggerProductId: triggerOf.get(seller.category)!, productIds: [seller.productId] } satisfies PairingPick
        }
      }
      return null
    },
  }
}
