import { proxyActivities } from '@temporalio/workflow'
import type { PairingRefreshActivities, PairingRefreshOutcome, RefreshPairingsInput } from './refresh-pairings-contract.ts'

// Mining a large store takes minutes; the heartbeat notices a lost worker long before the hour is up.
// An unknown store or a bad input never heals, so those are not retried.
const { refreshStorePairings } = proxyActivities<PairingRefreshActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: {
    initialInterval: '1 minute',
    maximumInterval: '10 minutes',
    backoffCoefficient: 2,
    maximumAttempts: 3,
    nonRetryableErrorTypes: ['UnknownStore'],
  },
})

/**
 * Refreshes one store's mined pairings; started by the store's Temporal Schedule (nightly by
 * default, ids from `pairingRefreshId`). Saving a version is atomic, so a refresh that fails leaves
 * the current pairings in place.
 */
export async function refreshPairings(input: RefreshPairingsInput): Promise<PairingRefreshOutcome> {
  return refreshStorePairings(input)
}
