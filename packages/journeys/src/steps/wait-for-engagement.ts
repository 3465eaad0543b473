import { messagingActivities } from '../activity-proxies.ts'
import type { Engagement } from '../activities.ts'
import type { Journey, SentEmail } from '../journey.ts'
import type { EndReason } from '../journey-state.ts'
import { endOnKlaviyoRefusal } from '../klaviyo-refusal.ts'

/**
 * Waits for the customer to react to an email, reading engagement every poll interval until the
 * policy's wait is over. Ends early on a click or a purchase; an order that buys a recommended
 * product counts as a purchase the moment its signal arrives. Returns why the journey must end instead
 * when it is interrupted, or when Klaviyo refused the read (`klaviyo-refused`, a revoked store key).
 */
export async function waitForEngagement(journey: Journey, email: SentEmail): Promise<Engagement | EndReason> {
  const { waitMs, pollIntervalMs } = journey.policy.engagement
  const deadline = Date.now() + waitMs
  journey.setStage(
    'waiting-for-engagement',
    `Email ${journey.state.emailsSent} sent (${email.pairing.pairingId}); waiting for engagement`,
    {
      nextActionAtMs: deadline,
      pairingId: email.pairing.pairingId,
    },
  )
  const purchase = () =>
    journey.newerOrder?.productIds.some((id) => email.pairing.productIds.includes(id)) ? journey.newerOrder : undefined
  for (;;) {
    const remaining = deadline - Date.now()
    if (remaining > 0)
      await journey.waitUntil(() => purchase() !== undefined || journey.interruption() !== undefined, Math.min(pollIntervalMs, remaining))
    const order = purchase()
    if (order) return { opened: false, clicked: false, purchased: true, purchaseOrderId: order.orderId }
    const interruption = journey.interruption()
    if (interruption) return interruption
    let engagement: Engagement
    try {
      engagement = await messagingActivities.fetchEngagement({
        storeId: journey.start.storeId,
        customerId: journey.start.customerId,
        sendKey: email.sendKey,
        sentAt: email.sentAt,
        productIds: email.pairing.productIds,
        ...(email.delivery ? { delivery: email.delivery } : {}),
      })
    } catch (error) {
      const refused = endOnKlaviyoRefusal(journey, error)
      if (refused) return refused
      throw error
    }
    if (engagement.purchased || engagement.clicked || Date.now() >= deadline) return engagement
  }
}
