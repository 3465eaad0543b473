import { proxyActivities } from '@temporalio/workflow'
import type { PairingReviewActivities, PairingReviewOutcome, ReviewPairingsInput } from './review-pairings-contract.ts'

// A review reads the store's send ledger once: seconds, even for a large store.
const { recordPairingReview } = proxyActivities<PairingReviewActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 minute', maximumInterval: '10 minutes', backoffCoefficient: 2, maximumAttempts: 5 },
})

/**
 * Reviews one store's pairings; started by the store's Temporal Schedule (monthly by default, ids
 * from `pairingReviewId`). Retired pairings stop being picked from the next journey on.
 */
export async function reviewStorePairings(input: ReviewPairingsInput): Promise<PairingReviewOutcome> {
  return recordPairingReview(input)
}
