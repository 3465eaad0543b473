import { storeActivities } from '../activity-proxies.ts'
import type { Journey } from '../journey.ts'

/** Loads the store's policy and the customer's segment and zone for the trigger order. */
export async function loadContext(journey: Journey): Promise<void> {
  const { storeId, customerId } = journey.start
  const orderId = journey.trigger!.orderId
  journey.context = await storeActivities.loadJourney({ storeId, customerId, orderId })
  if (journey.context.redacted) journey.redacted = true
}
