import { patched, proxyActivities } from '@temporalio/workflow'
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
 * The guards before an email: a consent read through Klaviyo (which may wait up to 30 s for a slot of
 * the account's rate limit, then up to 10 s for the answer) and, in runs with fewer tasks, the pick of
 * the email's pairing after it. Twice the other calls' time, so a paced read and a pick fit in one
 * attempt instead of timing out and queueing again behind the same limit.
 */
export const guardActivities = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '60 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
})

// journey-fewer-tasks-2026-12-06-issue-15: a run used to pick each email's pairing in a task of its
// own; now the guards' task picks it. (The context read stays a remote activity: as a local one it
// held workflow tasks past their timeout on a loaded worker.)
const fewerTasks = 'journey-fewer-tasks-2026-12-06-issue-15'
// journey-quiet-stages-2026-12-06-issue-15: a stage the run leaves without waiting (an engagement
// wait of zero, say) is no longer written to the search attributes on its own; the next wait or the
// end writes what changed. It includes fewer tasks, and a run that takes it records only its marker:
// every patch costs its run a marker and Temporal's change-version upsert.
const quietStages = 'journey-quiet-stages-2026-12-06-issue-15'

/** What a run does differently from the first release's command sequence. */
export interface JourneyRevision {
  fewerTasks: boolean
  quietStages: boolean
}

/**
 * Which patches this run uses; ask once per run, before its context loads, so a run already past that
 * point when a patch deployed keeps its commands as they were.
 */
export function journeyRevision(): JourneyRevision {
  if (patched(quietStages)) return { fewerTasks: true, quietStages: true }
  return { fewerTasks: patched(fewerTasks), quietStages: false }
}
