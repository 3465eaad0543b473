// A rolling deploy with journeys mid-flight: workers of the previous release run the journeys until
// each has sent its first email and waits for engagement; a worker of this release starts beside
// them, the old ones stop, and the new one carries every journey on from its recorded history
// (replay-safe by the `patched()` rule). Journeys started after the deploy take the new branch.
import { join } from 'node:path'
import { journeyWorkflowId } from '@crosswise/domain'
import { noWaitPolicy } from '../../test/store-fixtures.ts'
import { clusterStore, journeyOutcomes, klaviyoEvents, postOrders } from './cluster-store.ts'
import type { ClusterStack } from './stack.ts'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// The newest patch: a run started by this release records its marker; one of the previous release does not.
const newBranchPatch = 'journey-quiet-stages-2026-12-06-issue-15'

/** What a journey's history says about the deploy: failed workflow tasks, and whether it took the new branch. */
async function historyFacts(stack: ClusterStack, storeId: string, customerId: string) {
  const events = (await stack.client.workflow.getHandle(journeyWorkflowId(storeId, customerId)).fetchHistory()).events ?? []
  return {
    failedTasks: events.filter((event) => event.workflowTaskFailedEventAttributes).length,
    newBranch: events.some((event) => {
      const data = event.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data
      return data ? Buffer.from(data).toString('utf8').includes(newBranchPatch) : false
    }),
  }
}

/** Runs the scenario with the previous release checked out in `previousRelease`; answers the rows of its table. */
export async function rollingDeploy(stack: ClusterStack, apiUrls: readonly string[], previousRelease: string, journeys: number) {
  const storeId = 'deploy'
  const waitMs = 15_000
  const token = await clusterStore(stack, apiUrls[0]!, storeId, {
    ...noWaitPolicy,
    engagement: { ...noWaitPolicy.engagement, waitMs, pollIntervalMs: waitMs },
  })
  const oldWorkerDir = join(previousRelease, 'apps', 'worker')
  const old = [await stack.startWorker('old-1', oldWorkerDir), await stack.startWorker('old-2', oldWorkerDir)]
  const before = Array.from({ length: journeys }, (_, index) => String(30_000 + index))
  const oldCustomers = await postOrders(stack, apiUrls, storeId, token, before)
  // Mid-flight: every journey has sent its first email and waits for engagement on a timer.
  while (klaviyoEvents(stack, storeId).kept < journeys) await pause(200)
  const deployedAt = performance.now()
  const current = await stack.startWorker('new-1')
  const oldStops = await Promise.all(old.map((worker) => worker.stop()))
  const inFlight = klaviyoEvents(stack, storeId).kept
  const after = Array.from({ length: Math.round(journeys / 2) }, (_, index) => String(40_000 + index))
  const newCustomers = await postOrders(stack, apiUrls, storeId, token, after)
  const outcomes = await journeyOutcomes(stack.client, storeId, [...oldCustomers, ...newCustomers])
  const seconds = (performance.now() - deployedAt) / 1000

  const facts = await Promise.all([...oldCustomers, ...newCustomers].map((customerId) => historyFacts(stack, storeId, customerId)))
  const oldFacts = facts.slice(0, oldCustomers.length)
  const newFacts = facts.slice(oldCustomers.length)
  const failedTasks = facts.reduce((sum, fact) => sum + fact.failedTasks, 0)
  const complete = outcomes.filter((outcome) => outcome.reason === 'not-opened' && outcome.emailsSent === 2).length
  const events = klaviyoEvents(stack, storeId)
  const expected = [...before, ...after].length * 2
  const currentStop = await current.stop()
  return {
    passed:
      complete === outcomes.length &&
      failedTasks === 0 &&
      events.kept === expected &&
      events.distinct === expected &&
      oldFacts.every((fact) => !fact.newBranch) &&
      newFacts.every((fact) => fact.newBranch),
    rows: [
      ['previous release (2 workers) started', `${journeys} journeys, orders through the two API processes`],
      ['at the deploy', `all ${journeys} had sent email 1 and waited ${waitMs / 1000} s for engagement; Klaviyo events ${inFlight}`],
      ['deploy', `this release's worker started beside them; old workers stopped with SIGTERM (exit ${oldStops.join(', ')})`],
      ['journeys started after the deploy', String(after.length)],
      ['journeys finished, 2 emails each', `${complete} of ${outcomes.length}`],
      ['failed workflow tasks (a non-determinism shows here)', String(failedTasks)],
      [
        'journeys on the new branch (`journey-quiet-stages` marker)',
        `${oldFacts.filter((fact) => fact.newBranch).length} of ${oldFacts.length} started before, ${newFacts.filter((fact) => fact.newBranch).length} of ${newFacts.length} after`,
      ],
      ['events Klaviyo kept / distinct / expected', `${events.kept} / ${events.distinct} / ${expected}`],
      ['new worker stopped (SIGTERM)', `exit ${currentStop}`],
      ['from the deploy to the last journey', `${seconds.toFixed(1)} s`],
    ] as Array<[string, string]>,
  }
}
