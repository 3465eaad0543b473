import { sendKey } from '@crosswise/domain/workflow'
import { ActivityFailure } from '@temporalio/workflow'
import { messagingActivities } from '../activity-proxies.ts'
import type { PairingPick, SendConsent } from '../activities.ts'
import type { Journey, PlannedEmail, SentEmail } from '../journey.ts'
import type { EndReason } from '../journey-state.ts'

/** An email's idempotency key and the step named in it, so no reader has to cut the key apart. */
export interface EmailKey {
  key: string
  step: string
}

/** The key of the journey's next email: `{storeId}:{orderId}:email-{n}`, stable across replays. */
export function nextSendKey(journey: Journey): EmailKey {
  const step = `email-${journey.state.emailsSent + 1}`
  return { key: sendKey(journey.start.storeId, journey.trigger!.orderId, step), step }
}

/**
 * Sends one email through the send activity, keyed so that a retry or a replay cannot send twice.
 * When the pairing's product is gone by the time of sending, a first email or an alternative goes out
 * with the next candidate instead (the send picks it); a follow-up, which repeats its pairing, does
 * not. Ends with `send-failed` when the send was refused for good (a non-retryable failure, or a day
 * of retries), and `nothing-to-recommend` when nothing sendable was left.
 */
export async function sendEmail(
  journey: Journey,
  email: PlannedEmail,
  pick: PairingPick,
  consent: SendConsent | undefined,
): Promise<SentEmail | EndReason> {
  const { key, step } = nextSendKey(journey)
  try {
    const result = await messagingActivities.sendRecommendation({
      storeId: journey.start.storeId,
      customerId: journey.start.customerId,
      orderId: journey.trigger!.orderId,
      sendKey: key,
      step,
      kind: email.kind,
      pairing: pick,
      segment: journey.context!.segment,
      ...(consent ? { consent } : {}),
      ...(email.kind === 'follow-up'
        ? {}
        : { fallThrough: { excludePairingIds: journey.state.pairingIds, excludeProductIds: journey.sentProductIds } }),
    })
    if (result.status === 'unavailable') return 'nothing-to-recommend'
    // What went out: the journey's pick, or the candidate a fall-through sent instead.
    const pairing = result.pairing ?? pick
    journey.state.emailsSent += 1
    journey.state.pairingIds.push(pairing.pairingId)
    journey.sentKinds.push(email.kind)
    journey.sentProductIds.push(...pairing.productIds)
    return { kind: email.kind, sendKey: key, sentAt: result.sentAt, pairing, ...(result.delivery ? { delivery: result.delivery } : {}) }
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error
    journey.state.failure = error.cause?.message ?? error.message
    return 'send-failed'
  }
}
