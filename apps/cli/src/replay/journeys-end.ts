import { setTimeout as sleep } from 'node:timers/promises'
import { countDispatches, type Db } from '@crosswise/db'
import type { Client } from '@temporalio/client'

/**
 * Waits until a store's journeys have all ended: no recorded event still waits for the dispatcher,
 * and no journey runs. Two quiet looks in a row, since a dispatch delivered between the two reads of
 * one look starts a journey neither saw. True when they ended within `limitMs`.
 */
export async function waitForJourneysToEnd(db: Db, client: Client, storeId: string, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs
  let quiet = 0
  while (Date.now() < deadline) {
    const { pending } = await countDispatches(db, storeId)
    const { count } = await client.workflow.count(`StoreId = '${storeId}' AND WorkflowType = 'crossSellJourney' AND ExecutionStatus = 'Running'`)
    quiet = pending === 0 && count === 0 ? quiet + 1 : 0
    if (quiet >= 2) return true
    await sleep(2_000)
  }
  return false
}
