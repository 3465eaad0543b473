import { loadSendGuardFacts, recordHoldoutAssignment, recordRefusal, type Db } from '@crosswise/db'
import { checkFrequencyCap, holdoutPosition } from '@crosswise/domain'
import { decideEmailConsent, withOrderConsent } from '@crosswise/klaviyo'
import { activityNow } from './activity-clock.ts'
import { classifyGatewayFailure } from './failures.ts'
import type { JourneyActivityImplementations } from './index.ts'
import type { Messaging } from './messaging.ts'

/** The step part of a send key `{storeId}:{orderId}:{step}`, for tasks that carry only the key. */
function stepOf(sendKey: string): string {
  return sendKey.slice(sendKey.lastIndexOf(':') + 1)
}

/**
 * The guards before every email, in the order DESIGN.md gives: a newer order, the frequency cap,
 * consent, holdout. Consent is Klaviyo's, or (by the store's `orderConsent`) the one the customer's
 * order brought where Klaviyo holds none yet. Refusals that end the journey (consent, holdout) are
 * written to the send ledger under the email's key, and the holdout assignment is recorded once per
 * trigger order. When the guards are clear and the journey asked for it, the email's pairing is
 * picked in the same task.
 */
export function sendGuardActivities(
  db: Db,
  messaging: Messaging,
  pick: Pick<JourneyActivityImplementations, 'pickPairing'>,
): Pick<JourneyActivityImplementations, 'checkBeforeSend'> {
  return {
    async checkBeforeSend(input) {
      const { storeId, customerId, orderId, sendKey, policy } = input
      // Tasks scheduled by the previous release carry no step: cut it from the key as that release did.
      const step = input.step ?? stepOf(sendKey)

      // Orders the dispatcher has not delivered yet count too: the journey must never send after one.
      const now = activityNow().getTime()
      const {
        newerOrder: newer,
        sentTimes,
        contact,
        acceptsMarketing,
      } = await loadSendGuardFacts(db, {
        storeId,
        customerId,
        placedSince: new Date(input.placedAt),
        knownOrderIds: input.knownOrderIds,
        sentSince: new Date(now - policy.frequencyCap.windowMs),
      })
      if (newer) return { verdict: 'bought-again', order: { ...newer, placedAt: newer.placedAt.toISOString() } }

      const cap = checkFrequencyCap(
        sentTimes.map((at) => at.getTime()),
        now,
        policy.frequencyCap,
      )
      if (!cap.allowed) return { verdict: 'capped', notBeforeMs: cap.notBeforeMs }

      const klaviyoConsent =
        !contact || contact.redacted
          ? decideEmailConsent(undefined, { requireExplicitOptIn: policy.requireExplicitConsent })
          : await classifyGatewayFailure(
              async () =>
                (await messaging.current(storeId)).gateway.readConsent(contact.email, {
                  requireExplicitOptIn: policy.requireExplicitConsent,
                }),
              // A refused consent read (a revoked key, say) fails the step for good; the ledger keeps why.
              (reason) => recordRefusal(db, { sendKey, storeId, customerId, orderId, step, status: 'rejected', reason }),
            )
      const fromOrder = contact && !contact.redacted && policy.orderConsent !== 'ignore' ? acceptsMarketing : null
      const consent = withOrderConsent(klaviyoConsent, fromOrder)
      const consentSource = consent.source
      if (!consent.canSend) {
        await recordRefusal(db, {
          sendKey,
          storeId,
          customerId,
          orderId,
          step,
          status: 'no-consent',
          reason: consent.reason,
          consentSource,
        })
        return { verdict: 'no-consent', reason: consent.reason }
      }

      const position = holdoutPosition(storeId, customerId)
      const heldOut = position < policy.holdoutShare
      await recordHoldoutAssignment(db, {
        storeId,
        orderId,
        customerId,
        heldOut,
        position,
        share: policy.holdoutShare,
        assignedAt: new Date(now),
      })
      if (heldOut) {
        await recordRefusal(db, { sendKey, storeId, customerId, orderId, step, status: 'held-out', reason: 'holdout', consentSource })
        return { verdict: 'held-out' }
      }
      const cleared = { source: consentSource, subscribe: consentSource === 'order' && policy.orderConsent === 'subscribe' }
      if (!input.pick) return { verdict: 'clear', consent: cleared }
      return { verdict: 'clear', consent: cleared, pairing: await pick.pickPairing({ storeId, customerId, orderId, ...input.pick }) }
    },
  }
}
