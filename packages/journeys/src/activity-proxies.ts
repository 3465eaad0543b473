import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow'
import type { JourneyActivities } from './activities.ts'

// One proxy per timeout class. Activities throw a non-retryable ApplicationFailure for input that can
// never succeed (a 4xx-like refusal); everything else is retried with backoff.

// Start-to-close timeouts are short on purpose: an activity lost with its worker (a crash, a kill) is
// retried only when its timeout expires, and each of these finishes in well under a second normally.

/** Reads and writes in our own database: quick, retried briefly and often. */
export const storeActivities = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
})

/**
 * Calls that may reach Klaviyo (consent, send, engagement): paced on our side and slower (a send is
 * two calls with a 10 s HTTP timeout each). Retried for up to a day, which rides out an outage or a
 * 429 storm; the send key makes every retry safe.
 */
export const messagingActivities = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
})

/**
 * The same quick reads run as local activities: in the worker, inside the workflow task, with their
 * result recorded as a marker. That saves the server an activity task and the journey a workflow task
 * per read. Only for reads of our own database that are idempotent and short: a worker lost during
 * one simply runs it again with the workflow task.
 */
const storeReads = proxyLocalActivities<JourneyActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
})

// journey-local-reads-2026-12-06-issue-15: loadJourney and pickPairing used to be (remote) activities;
// runs that load their context after the patch read locally. Asked once per run, where the context is
// loaded, so a run already past that point when the patch deployed keeps its remote reads throughout.
const localReads = 'journey-local-reads-2026-12-06-issue-15'

/** Whether this run reads through local activities; ask once per run, before its first read. */
export function readsLocally(): boolean {
  return patched(localReads)
}

/** The proxy a run's reads go through. */
export function readProxy(local: boolean): typeof storeActivities {
  return local ? storeReads : storeActivities
}
