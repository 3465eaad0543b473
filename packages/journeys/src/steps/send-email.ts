import { sendKey } from '@crosswise/domain'
import { ActivityFailure } from '@temporalio/workflow'
import { messagingActivities } from '../activity-proxies.ts'
import type { PairingPick } from '../activities.ts'
import type { Journey, PlannedEmail, SentEmail } from '../journey.ts'

/** The key of the journey's next email: `{storeId}:{orderId}:email-{n}`, stable across replays. */
export function nextSendKey(journey: Journey): { key: string; step: string } {
  const step = `email-${journey.state.emailsSent + 1}`
  return { key: sendKey(journey.start.storeId, journey.trigger!.orderId, step), step }
}

/**
 * Sends one email through the send activity, keyed so that a retry or a replay cannot send twice.
 * Undefined when the send was refused for good (a non-retryable failure, or a day of retries).
 */
export async function sendEmail(journey: Journey, email: PlannedEmail, pairing: PairingPick): Promise<SentEmail | undefined> {
  const { key, step } = nextSendKey(journey)
  try {
    const result = await messagingActivities.sendRecommendation({
      storeId: journey.start.storeId,
      customerId: journey.start.customerId,
      orderId: journey.trigger!.orderId,
      sendKey: key,
      step,
      kind: email.kind,
      pairing,
    })
    journey.state.emailsSent += 1
    journey.state.pairingIds.push(pairing.pairingId)
    journey.sentKinds.push(email.kind)
    return { kind: email.kind, sendKey: key, sentAt: result.sentAt, pairing }
  } catch (error) {
    if (error instanceof ActivityFailure) return undefined
    throw error
  }
}
