import {
  categoryBestSellerPairingId,
  manualPairingId,
  minedPairingId,
  storeBestSellerPairingId,
  type PairingSource,
  type Segment,
} from '@crosswise/domain'
import type { ProductCatalogue, RecommendationRules } from '../filters/business-rules.ts'
import { RuleFilter } from '../filters/rule-filter.ts'
import { chooseStoredPairings, type StoredPairing } from './stored-pairing-choice.ts'

/** A product the store sells, as a best-seller query answers it. */
export interface SellerProduct {
  productId: string
  category: string | null
}

/**
 * Everything one journey pick is chosen from, loaded beforehand. The best-seller lists come from
 * queries that already filter in the database (available, with a page, not excluded, inside the
 * segment's price band); the rest is judged here.
 */
export interface JourneyPairingRequest {
  /** Products of the trigger order, in order, each once. */
  triggerProductIds: readonly string[]
  /** Never recommended: what the customer owns and what this journey already recommended. */
  excludedProductIds: readonly string[]
  /** Pairings this journey already emailed. */
  excludedPairingIds: readonly string[]
  /** Current facts of the triggers, the mined partners and the store's best sellers; a trigger's category falls back to its order line's. */
  catalogue: ProductCatalogue
  rules: RecommendationRules
  segment: Segment
  /** The store's pairings for the triggers, in the order they are offered (highest priority first). */
  manualPairings: readonly { triggerProductId: string; recommendedProductId: string }[]
  /** The mined partners of the triggers. */
  minedPairings: readonly (StoredPairing & { reason?: string })[]
  /** Best sellers of the order's categories, most sold first. */
  categoryBestSellers: readonly SellerProduct[]
  /** The store's recent best sellers, most sold first, whatever their category. */
  storeBestSellers: readonly string[]
  /** Products of the catalogue regardless of sales, by id: the last resort. */
  recommendableProducts: readonly SellerProduct[]
}

/** What one journey email recommends; the shape of the `pickPairing` activity's answer. */
export interface JourneyPairing {
  pairingId: string
  source: PairingSource
  triggerProductId: string
  productIds: [string]
  reason?: string
}

/**
 * The order's categories, each with the first order product of it: what category best sellers are
 * shown as going with.
 */
export function orderCategories(triggerProductIds: readonly string[], catalogue: ProductCatalogue): Map<string, string> {
  const triggerOf = new Map<string, string>()
  for (const productId of triggerProductIds) {
    const category = catalogue(productId)?.category
    if (category && !triggerOf.has(category)) triggerOf.set(category, productId)
  }
  return triggerOf
}

/** What a manual pick is chosen from: the part of a journey's request the store's own pairings need. */
export type ManualPairingRequest = Pick<
  JourneyPairingRequest,
  'triggerProductIds' | 'excludedProductIds' | 'excludedPairingIds' | 'catalogue' | 'manualPairings'
>

/**
 * The first of the store's manual pairings that fits: not excluded, not already emailed, and its
 * product available (in stock, with a page) by the catalogue. No rule applies: the pairing is the
 * store's explicit choice. A manual pick that cannot be sent falls through to the next one, and then
 * to the other sources. Null when none fits.
 */
export function chooseManualPairing(request: ManualPairingRequest): JourneyPairing | null {
  const excluded = new Set([...request.triggerProductIds, ...request.excludedProductIds])
  return (
    request.manualPairings
      .filter(({ recommendedProductId }) => !excluded.has(recommendedProductId) && request.catalogue(recommendedProductId)?.available)
      .map(({ triggerProductId, recommendedProductId }): JourneyPairing => ({
        pairingId: manualPairingId(triggerProductId, recommendedProductId),
        source: 'manual',
        triggerProductId,
        productIds: [recommendedProductId],
      }))
      .find((pick) => !request.excludedPairingIds.includes(pick.pairingId)) ?? null
  )
}

/**
 * Chooses what a journey recommends after an order, in order of trust: the store's manual pairings
 * (its explicit choice, so no rule applies; see {@link chooseManualPairing}), the mined pairings, the best seller of the order's
 * categories, then the store's own best sellers and last any recommendable product, so a store with
 * a catalogue always answers. Never an excluded product or pairing, nor a trigger; mined pairings and
 * best sellers keep to the store's rules ({@link RuleFilter}). Null when nothing fits. Deterministic.
 */
export function chooseJourneyPairing(request: JourneyPairingRequest): JourneyPairing | null {
  const triggers = request.triggerProductIds
  if (triggers.length === 0) return null
  const excluded = new Set([...triggers, ...request.excludedProductIds])
  const usable = (pick: JourneyPairing) => !request.excludedPairingIds.includes(pick.pairingId) && !excluded.has(pick.productIds[0])
  const pick = (source: PairingSource, pairingId: string, triggerProductId: string, productId: string): JourneyPairing => ({
    pairingId,
    source,
    triggerProductId,
    productIds: [productId],
  })

  const manual = chooseManualPairing(request)
  if (manual) return manual

  const mined = chooseStoredPairings(request.minedPairings, {
    triggerProductIds: triggers,
    excludedProductIds: [...excluded],
    catalogue: request.catalogue,
    rules: request.rules,
    segment: request.segment,
  })
    .map((pairing) => ({
      ...pick(
        'mined',
        minedPairingId(pairing.triggerProductId, pairing.recommendedProductId),
        pairing.triggerProductId,
        pairing.recommendedProductId,
      ),
      reason: pairing.reason,
    }))
    .find(usable)
  if (mined) return mined

  const triggerOf = orderCategories(triggers, request.catalogue)
  const filter = new RuleFilter({ triggerCategories: triggerOf.keys(), rules: request.rules, segment: request.segment })
  const category = request.categoryBestSellers
    .filter((seller) => seller.category !== null && triggerOf.has(seller.category) && filter.allowsCategory(seller.category))
    .map((seller) =>
      pick(
        'best-seller',
        categoryBestSellerPairingId(seller.category!, seller.productId),
        triggerOf.get(seller.category!)!,
        seller.productId,
      ),
    )
    .find(usable)
  if (category) return category

  // Shown as going with the order's first product.
  const storePick = (productId: string) => pick('store-best-seller', storeBestSellerPairingId(productId), triggers[0]!, productId)
  const storeSeller = request.storeBestSellers
    .filter((productId) => !excluded.has(productId) && filter.allows(request.catalogue(productId)))
    .map(storePick)
    .find(usable)
  if (storeSeller) return storeSeller
  return (
    request.recommendableProducts
      .filter((product) => filter.allowsCategory(product.category))
      .map((product) => storePick(product.productId))
      .find(usable) ?? null
  )
}
