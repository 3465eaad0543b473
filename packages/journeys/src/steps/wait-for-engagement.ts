import { condition } from '@temporalio/workflow'
import { messagingActivities } from '../activity-proxies.ts'
import type { Engagement } from '../activities.ts'
import type { Journey, SentEmail } from '../journey.ts'

/**
 * Waits for the customer to react to an email, reading engagement every poll interval until the
 * policy's wait is over. Ends early on a click or a purchase; an order that buys a recommended
 * product counts as a purchase the moment its signal arrives. Undefined when interrupted.
 */
export async function waitForEngagement(journey: Journey, email: SentEmail): Promise<Engagement | undefined> {
  const { waitMs, pollIntervalMs } = journey.policy.engagement
  const deadline = Date.now() + waitMs
  journey.setStage('waiting-for-engagement', `Email ${journey.state.emailsSent} sent (${email.pairing.pairingId}); waiting for engagement`, {
    nextActionAtMs: deadline,
    pairingId: email.pairing.pairingId,
  })
  const purchase = () => (journey.newerOrder?.productIds.some((id) => email.pairing.productIds.includes(id)) ? journey.newerOrder : undefined)
  for (;;) {
    const remaining = deadline - Date.now()
    if (remaining > 0) await condition(() => purchase() !== undefined || journey.interruption() !== undefined, Math.min(pollIntervalMs, remaining))
    const order = purchase()
    if (order) return { opened: false, clicked: false, purchased: true, purchaseOrderId: order.orderId }
    if (journey.interruption() !== undefined) return undefined
    const engagement = await messagingActivities.fetchEngagement({
      storeId: journey.start.storeId,
      customerId: journey.start.customerId,
      sendKey: email.sendKey,
      sentAt: email.sentAt,
      productIds: email.pairing.productIds,
    })
    if (engagement.purchased || engagement.clicked || Date.now() >= deadline) return engagement
  }
}
