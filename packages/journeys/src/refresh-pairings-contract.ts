import { storeIdSchema } from '@crosswise/domain'
import { z } from 'zod'
import type { ActivitiesOf } from './activity-contract.ts'

/** Input of the pairing refresh: the store whose order history is mined again. */
export const refreshPairingsInputSchema = z.object({ storeId: storeIdSchema })
export type RefreshPairingsInput = z.infer<typeof refreshPairingsInputSchema>

/** What a refresh did: the model version it made current, or that the store has no orders yet. */
export const pairingRefreshOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('mined'),
    modelId: z.string().min(1),
    orders: z.number().int(),
    products: z.number().int(),
    pairings: z.number().int(),
  }),
  z.object({ status: z.literal('no-orders') }),
])
export type PairingRefreshOutcome = z.infer<typeof pairingRefreshOutcomeSchema>

/** The activity a pairing refresh calls, implemented by the worker over PostgreSQL and the recommender. */
export const pairingRefreshActivityContracts = {
  /**
   * Mines the store's order history and stores each product's best partners as its new current
   * model version (what `crosswise mine` does). Heartbeats while it reads and writes.
   */
  refreshStorePairings: { input: refreshPairingsInputSchema, output: pairingRefreshOutcomeSchema },
}
export type PairingRefreshActivities = ActivitiesOf<typeof pairingRefreshActivityContracts>
