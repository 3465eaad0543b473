import { segmentPriceBandsSchema, type SegmentPriceBands } from '@crosswise/domain'
import { z } from 'zod'
import type { Db } from '../database.ts'

// Checked on the way out too: the column is JSON that a person may have edited by hand.
const categoryPairsSchema = z.array(z.tuple([z.string(), z.string()]))

/** A store's rules for mined pairings; the defaults (no row) filter nothing. */
export interface StoredRecommendationRules {
  /** Category pairs that never go together, in either direction. */
  incompatibleCategories: [string, string][]
  /** A mined pairing needs at least this many orders holding both products. */
  minSupport: number
  /** A mined pairing needs at least this lift; lift filters, it never ranks. */
  minLift: number
  /** Prices each segment may be recommended by mined pairings and best sellers. */
  priceBands: SegmentPriceBands
}

/** Sets a store's rules for mined pairings, replacing the ones before. */
export async function setRecommendationRules(db: Db, storeId: string, rules: StoredRecommendationRules): Promise<void> {
  const values = {
    incompatible_categories: JSON.stringify(rules.incompatibleCategories),
    min_support: rules.minSupport,
    min_lift: rules.minLift,
    price_bands: JSON.stringify(rules.priceBands),
  }
  await db
    .insertInto('recommendation_rules')
    .values({ store_id: storeId, ...values })
    .onConflict((oc) => oc.column('store_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute()
}

/** A store's rules for mined pairings (none set: nothing incompatible, no minimums, no price bands). */
export async function recommendationRulesFor(db: Db, storeId: string): Promise<StoredRecommendationRules> {
  const row = await db
    .selectFrom('recommendation_rules')
    .select(['incompatible_categories', 'min_support', 'min_lift', 'price_bands'])
    .where('store_id', '=', storeId)
    .executeTakeFirst()
  return {
    incompatibleCategories: categoryPairsSchema.parse(row?.incompatible_categories ?? []),
    minSupport: row?.min_support ?? 0,
    minLift: row?.min_lift ?? 0,
    priceBands: segmentPriceBandsSchema.parse(row?.price_bands ?? {}),
  }
}
