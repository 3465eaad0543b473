import { setTimeout as sleep } from 'node:timers/promises'
import { countDispatches, type Db } from '@crosswise/db'
import { journeyWorkflowId } from '@crosswise/domain'
import { type Client, WorkflowNotFoundError } from '@temporalio/client'

/** Whether a customer's journey exists and its latest run has ended (read from the execution, not the eventually consistent list). */
async function journeyEnded(client: Client, storeId: string, customerId: string): Promise<boolean> {
  try {
    return (await client.workflow.getHandle(journeyWorkflowId(storeId, customerId)).describe()).status.name !== 'RUNNING'
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false
    throw error
  }
}

/** Where a journey that has not ended stands: its stage and the activity it waits on, or that it never started. */
async function whereJourneyStands(client: Client, storeId: string, customerId: string): Promise<string> {
  try {
    const description = await client.workflow.getHandle(journeyWorkflowId(storeId, customerId)).describe()
    const stage = description.searchAttributes['JourneyStage']?.[0]
    const pending = (description.raw.pendingActivities ?? []).map(
      (activity) =>
        `${activity.activityType?.name} attempt ${activity.attempt}${activity.lastFailure?.message ? ` (${activity.lastFailure.message})` : ''}`,
    )
    return `${customerId}: ${description.status.name}, stage ${String(stage)}${pending.length > 0 ? `, waiting on ${pending.join(', ')}` : ''}`
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return `${customerId}: no journey`
    throw error
  }
}

/**
 * What still runs when the wait gives up: each customer whose journey has not ended, with where it
 * stands, and the events not yet dispatched.
 */
export interface JourneysStillOpen {
  open: string[]
  pending: number
}

/**
 * Waits until the journeys of a store's customers have all ended: no recorded event still waits for
 * the dispatcher, and each customer's journey exists with its latest run closed. Answers what was
 * still open at the end: nothing (`open` empty, `pending` 0) when they ended within `limitMs`.
 */
export async function waitForJourneysToEnd(
  db: Db,
  client: Client,
  storeId: string,
  customerIds: readonly string[],
  limitMs: number,
): Promise<JourneysStillOpen> {
  const deadline = Date.now() + limitMs
  const open = new Set(customerIds)
  let pending = Number.NaN
  while (Date.now() < deadline) {
    ;({ pending } = await countDispatches(db, storeId))
    if (pending === 0) {
      for (const customerId of [...open]) if (await journeyEnded(client, storeId, customerId)) open.delete(customerId)
      // A journey seen ended may restart from an order dispatched meanwhile: look once more at all of them.
      if (open.size === 0) {
        const again = await Promise.all(customerIds.map((customerId) => journeyEnded(client, storeId, customerId)))
        if (again.every(Boolean) && (await countDispatches(db, storeId)).pending === 0) return { open: [], pending: 0 }
        for (const [index, ended] of again.entries()) if (!ended) open.add(customerIds[index]!)
      }
    }
    await sleep(2_000)
  }
  return { open: await Promise.all([...open].sort().map((customerId) => whereJourneyStands(client, storeId, customerId))), pending }
}
