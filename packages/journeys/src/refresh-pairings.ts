import { proxyActivities } from '@temporalio/workflow'

/** Input of the pairing refresh: the store whose order history is mined again. */
export interface RefreshPairingsInput {
  storeId: string
}

/** What a refresh did: the model version it made current, or that the store has no orders yet. */
export type PairingRefreshOutcome =
  | { status: 'mined'; modelId: string; orders: number; products: number; pairings: number }
  | { status: 'no-orders' }

/** The activity a pairing refresh calls, implemented by the worker over PostgreSQL and the recommender. */
export interface PairingRefreshActivities {
  /**
   * Mines the store's order history and stores each product's best partners as its new current
   * model version (what `crosswise mine` does). Heartbeats while it reads and writes.
   */
  refreshStorePairings(input: RefreshPairingsInput): Promise<PairingRefreshOutcome>
}

// Mining a large store takes minutes; the heartbeat notices a lost worker long before the hour is up.
// An unknown store or a bad input never heals, so those are not retried.
const { refreshStorePairings } = proxyActivities<PairingRefreshActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 minute', maximumInterval: '10 minutes', backoffCoefficient: 2, maximumAttempts: 3, nonRetryableErrorTypes: ['UnknownStore'] },
})

/**
 * Refreshes one store's mined pairings; started by the store's Temporal Schedule (nightly by
 * default, ids from `pairingRefreshId`). Saving a version is atomic, so a refresh that fails leaves
 * the current pairings in place.
 */
export async function refreshPairings(input: RefreshPairingsInput): Promise<PairingRefreshOutcome> {
  return refreshStorePairings(input)
}
