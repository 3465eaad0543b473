import { storeActivities } from '../activity-proxies.ts'
import type { Engagement } from '../activities.ts'
import type { Journey, PlannedEmail, SentEmail } from '../journey.ts'
import type { EndReason } from '../journey-state.ts'

/** The journey's first email: the segment's delay after fulfilment. */
export function firstEmail(journey: Journey): PlannedEmail {
  const delayMs = journey.policy.delayMs[journey.context!.segment]
  return { kind: 'first', notBeforeMs: journey.fulfilledAtMs + delayMs }
}

/**
 * Decides what follows an email from the customer's reaction: a purchase is recorded as a conversion
 * and ends the journey; a click without a purchase earns one follow-up with the same pairing after the
 * policy's delay; an unopened email earns one alternative pairing (or the end, by policy). No journey
 * sends more than `maxEmailsPerJourney`.
 */
export async function branchOnEngagement(journey: Journey, engagement: Engagement, email: SentEmail): Promise<PlannedEmail | EndReason> {
  const policy = journey.policy
  if (engagement.purchased) {
    await storeActivities.recordConversion({
      storeId: journey.start.storeId,
      customerId: journey.start.customerId,
      orderId: journey.trigger!.orderId,
      sendKey: email.sendKey,
      pairingId: email.pairing.pairingId,
      ...(engagement.purchaseOrderId ? { purchaseOrderId: engagement.purchaseOrderId } : {}),
    })
    return 'converted'
  }
  const now = Date.now()
  if (engagement.clicked) {
    if (email.kind === 'follow-up') return 'not-purchased'
    if (journey.state.emailsSent >= policy.maxEmailsPerJourney) return 'email-limit'
    return { kind: 'follow-up', notBeforeMs: now + policy.engagement.followUpDelayMs, pairing: email.pairing }
  }
  if (engagement.opened) return 'not-clicked'
  if (policy.engagement.onNotOpened === 'end' || journey.sentKinds.includes('alternative')) return 'not-opened'
  if (journey.state.emailsSent >= policy.maxEmailsPerJourney) return 'email-limit'
  return { kind: 'alternative', notBeforeMs: now }
}
