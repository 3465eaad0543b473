import { storeIdSchema } from '@crosswise/domain'
import { z } from 'zod'
import type { ActivitiesOf } from './activity-contract.ts'

/** Input of the pairing review: the store whose pairings are judged by what their emails earned. */
export const reviewPairingsInputSchema = z.object({ storeId: storeIdSchema })
export type ReviewPairingsInput = z.infer<typeof reviewPairingsInputSchema>

/** What a review decided: the id it is kept under, and the pairings it retired or flagged for the store. */
const reviewedPairingSchema = z.object({
  pairingId: z.string().min(1),
  /** Where the pairing came from, as the send ledger recorded it (null for sends before sources were kept). */
  source: z.string().nullable(),
})

export const pairingReviewOutcomeSchema = z.object({
  reviewId: z.string().min(1),
  reviewed: z.number().int().nonnegative(),
  retired: z.array(reviewedPairingSchema),
  flagged: z.array(reviewedPairingSchema),
  /** The experiment variant promoted because the store lets declared winners be promoted; null when none was. */
  promotedVariant: z.string().nullable().default(null),
})
export type PairingReviewOutcome = z.infer<typeof pairingReviewOutcomeSchema>

/** The activity a pairing review calls, implemented by the worker over PostgreSQL and the measurement code. */
export const pairingReviewActivityContracts = {
  /** Reviews every pairing the store has emailed, keeps the review and retires what it retired (`crosswise review`). */
  recordPairingReview: { input: reviewPairingsInputSchema, output: pairingReviewOutcomeSchema },
}
export type PairingReviewActivities = ActivitiesOf<typeof pairingReviewActivityContracts>
