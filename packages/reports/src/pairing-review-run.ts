import { pairingResults, savePairingReview, type Db } from '@crosswise/db'
import { defaultPairingReviewOptions, reviewPairings, type PairingReviewEntry, type PairingReviewOptions } from '@crosswise/measurement'

/** What one review run decided, and under which id it is kept. */
export interface PairingReviewRun {
  reviewId: string
  reviewedAt: Date
  entries: PairingReviewEntry[]
}

/**
 * Runs the pairing review of one store over every email each pairing has had, keeps it, and retires
 * what it retired. Reading every send (not just the month's) lets evidence build up across reviews.
 */
export async function runPairingReview(
  db: Db,
  storeId: string,
  at: Date,
  options: PairingReviewOptions = defaultPairingReviewOptions,
): Promise<PairingReviewRun> {
  const totals = await pairingResults(db, storeId, new Date(0))
  const entries = reviewPairings(totals, options)
  const reviewId = await savePairingReview(db, {
    storeId,
    reviewedAt: at,
    options: { ...options },
    entries: entries.map(({ pairingId, source, sends, conversions, verdict, reason }) => ({
      pairingId,
      source,
      sends,
      conversions,
      verdict,
      reason,
    })),
  })
  return { reviewId, reviewedAt: at, entries }
}
