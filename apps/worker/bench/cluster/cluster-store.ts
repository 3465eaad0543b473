// A store for a cluster run, fed the way a store feeds Crosswise: orders through the JSON API, spread
// over the API processes; and the journeys' results read back from Temporal.
import { journeyWorkflowId, type JourneyPolicyInput } from '@crosswise/domain'
import type { crossSellJourney } from '@crosswise/journeys'
import type { Client } from '@temporalio/client'
import { givenPairings, givenProducts, givenStore } from '../../test/store-fixtures.ts'
import type { ClusterStack } from './stack.ts'

/** Creates the store with a kettle and two manual pairings for it; returns its API token. */
export async function clusterStore(stack: ClusterStack, apiUrl: string, storeId: string, policy: JourneyPolicyInput): Promise<string> {
  await givenStore(stack.db, storeId, policy)
  await givenProducts(stack.db, storeId, ['kettle', 'tea', 'cup'])
  await givenPairings(stack.db, storeId, [
    ['kettle', 'tea'],
    ['kettle', 'cup'],
  ])
  const response = await fetch(`${apiUrl}/v1/admin/stores/${storeId}/token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.adminToken}` },
    signal: AbortSignal.timeout(10_000),
  })
  if (!response.ok) throw new Error(`store token: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { apiToken: string }).apiToken
}

/**
 * Posts one kettle order per customer, in turn to each API process, 16 at a time; each customer is
 * known to Klaviyo as subscribed (a store's Klaviyo account is fed by its shop). Returns the
 * customer ids the API answered.
 */
export async function postOrders(
  stack: ClusterStack,
  apiUrls: readonly string[],
  storeId: string,
  token: string,
  orderIds: readonly string[],
): Promise<string[]> {
  const customers: string[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < orderIds.length) {
        const index = next++
        const email = `${storeId}-${orderIds[index]}@example.com`
        stack.klaviyo.state.updateEmailMarketing({ email }, { consent: 'SUBSCRIBED' })
        const response = await fetch(`${apiUrls[index % apiUrls.length]}/v1/stores/${storeId}/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            orderId: orderIds[index],
            customer: { email },
            currency: 'EUR',
            placedAt: new Date().toISOString(),
            lineItems: [{ productId: 'kettle', title: 'Kettle', category: 'tea', quantity: 1, unitPrice: '30.00' }],
          }),
          signal: AbortSignal.timeout(10_000),
        })
        if (response.status !== 202) throw new Error(`order ${orderIds[index]}: ${response.status} ${await response.text()}`)
        customers[index] = ((await response.json()) as { customerId: string }).customerId
      }
    }),
  )
  return customers
}

/** Every journey's outcome, waiting for journeys the dispatcher has not started yet. */
export async function journeyOutcomes(client: Client, storeId: string, customers: readonly string[]) {
  return Promise.all(
    customers.map(async (customerId) => {
      const handle = client.workflow.getHandle<typeof crossSellJourney>(journeyWorkflowId(storeId, customerId))
      for (;;) {
        try {
          return await handle.result()
        } catch (error) {
          if ((error as Error).name !== 'WorkflowNotFoundError') throw error
          await new Promise((resolve) => setTimeout(resolve, 500))
        }
      }
    }),
  )
}

/** Klaviyo's view of a store's emails: the events it kept per unique id, and the create calls that reached it. */
export function klaviyoEvents(stack: ClusterStack, storeId: string) {
  const kept = stack.klaviyo.state.events.filter((event) => event.uniqueId?.startsWith(`${storeId}:`))
  const keys = kept.map((event) => event.uniqueId!)
  return { kept: kept.length, distinct: new Set(keys).size, keys }
}
