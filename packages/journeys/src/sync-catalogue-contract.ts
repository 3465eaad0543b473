import { storeIdSchema } from '@crosswise/domain'
import { z } from 'zod'
import type { ActivitiesOf } from './activity-contract.ts'

/** Input of a catalogue sync: the Shopify-connected store whose catalogue is read again. */
export const syncCatalogueInputSchema = z.object({ storeId: storeIdSchema })
export type SyncCatalogueInput = z.infer<typeof syncCatalogueInputSchema>

const count = z.number().int().nonnegative()

/** What a catalogue sync did, or that the store has no Shopify connection (any more). */
export const catalogueSyncOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('synced'),
    /** Catalogue pages read. */
    pages: count,
    /** Products Shopify listed. */
    products: count,
    /** Products written (new or changed; a newer webhook update is kept). */
    upserted: count,
    /** Products no longer listed, now kept unavailable. */
    deleted: count,
    /** Time spent waiting for the shop's query-cost bucket, in milliseconds. */
    waitedMs: z.number().nonnegative(),
    /**
     * What went to the store's Klaviyo catalogue: the sendable products in bulk create jobs, or why not.
     * Absent for a store without a Klaviyo key (and from syncs before the catalogue was pushed).
     */
    klaviyo: z.union([z.object({ items: count, jobs: count }), z.object({ failed: z.string() })]).optional(),
  }),
  z.object({ status: z.literal('not-connected') }),
])
export type CatalogueSyncOutcome = z.infer<typeof catalogueSyncOutcomeSchema>

/** The activity a catalogue sync calls, implemented by the worker over PostgreSQL and the Shopify Admin API. */
export const catalogueSyncActivityContracts = {
  /**
   * Reads the store's whole Shopify catalogue page by page, upserts every product and marks the ones
   * Shopify no longer lists unavailable. Heartbeats while it reads; idempotent, so a retry starts over.
   */
  syncStoreCatalogue: { input: syncCatalogueInputSchema, output: catalogueSyncOutcomeSchema },
}
export type CatalogueSyncActivities = ActivitiesOf<typeof catalogueSyncActivityContracts>
