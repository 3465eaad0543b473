import type { JourneyContext } from '../activities.ts'
import { journeyRevision, storeActivities } from '../activity-proxies.ts'
import type { Journey } from '../journey.ts'

/** Loads the store's policy and the customer's segment and zone for the trigger order. */
export async function loadContext(journey: Journey): Promise<void> {
  const { storeId, customerId } = journey.start
  const orderId = journey.trigger!.orderId
  const revision = journeyRevision()
  journey.fewerTasks = revision.fewerTasks
  journey.quietStages = revision.quietStages
  journey.context = withCurrentPolicyNames(await storeActivities.loadJourney({ storeId, customerId, orderId }))
  if (journey.context.redacted) journey.redacted = true
}

/** Journeys that loaded their policy before `fulfilment` became `fulfillment` replay it from their history. */
function withCurrentPolicyNames(context: JourneyContext): JourneyContext {
  const { fulfilment, ...policy } = context.policy as JourneyContext['policy'] & { fulfilment?: JourneyContext['policy']['fulfillment'] }
  return fulfilment && !policy.fulfillment ? { ...context, policy: { ...policy, fulfillment: fulfilment } } : context
}
