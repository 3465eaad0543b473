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

/**
 * Waits until the journeys of a store's customers have all ended: no recorded event still waits for
 * the dispatcher, and each customer's journey exists with its latest run closed. True when they ended
 * within `limitMs`.
 */
export async function waitForJourneysToEnd(
  db: Db,
  client: Client,
  storeId: string,
  customerIds: readonly string[],
  limitMs: number,
): Promise<boolean> {
  const deadline = Date.now() + limitMs
  const open = new Set(customerIds)
  while (Date.now() < deadline) {
    const { pending } = await countDispatches(db, storeId)
    if (pending === 0) {
      for (const customerId of [...open]) if (await journeyEnded(client, storeId, customerId)) open.delete(customerId)
      // A journey seen ended may restart from an order dispatched meanwhile: look once more at all of them.
      if (open.size === 0) {
        const again = await Promise.all(customerIds.map((customerId) => journeyEnded(client, storeId, customerId)))
        if (again.every(Boolean) && (await countDispatches(db, storeId)).pending === 0) return true
        for (const [index, ended] of again.entries()) if (!ended) open.add(customerIds[index]!)
      }
    }
    await sleep(2_000)
  }
  return false
}
