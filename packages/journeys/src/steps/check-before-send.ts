import { eventKey } from '@crosswise/domain/workflow'
import { guardActivities } from '../activity-proxies.ts'
import type { PairingPick, SendCheck, SendConsent } from '../activities.ts'
import type { Journey } from '../journey.ts'
import type { EndReason } from '../journey-state.ts'
import { endOnKlaviyoRefusal } from '../klaviyo-refusal.ts'
import type { EmailKey } from './send-email.ts'
import { sleepUntilSendTime } from './sleep-until-send-time.ts'

// How often the journey waits for the frequency cap to allow an email before it gives up.
const maxCapDeferrals = 2

/** The guards let the email go: with its pairing when one was asked for (null: nothing fits), and whose consent. */
export interface ClearToSend {
  pairing?: PairingPick | null
  consent?: SendConsent
}

/**
 * Re-checks, just before an email, what may forbid it: a newer order (also one the dispatcher has not
 * delivered yet), the frequency cap, consent and holdout. A cap that will allow the email later is
 * waited out (into the send window) up to twice. A check Klaviyo refused (a revoked store key) ends
 * the journey with `klaviyo-refused`. Returns why the journey must end, or that it may send; in runs
 * with fewer tasks, an email without a pairing gets it picked by the same task.
 */
export async function checkBeforeSend(journey: Journey, email: EmailKey, needsPairing: boolean): Promise<EndReason | ClearToSend> {
  const trigger = journey.trigger!
  const { frequencyCap, holdoutShare, requireExplicitConsent, orderConsent } = journey.policy
  for (let deferrals = 0; ; deferrals++) {
    let check: SendCheck
    try {
      check = await guardActivities.checkBeforeSend({
        storeId: journey.start.storeId,
        customerId: journey.start.customerId,
        orderId: trigger.orderId,
        placedAt: trigger.placedAt,
        knownOrderIds: journey.knownOrders(),
        sendKey: email.key,
        step: email.step,
        // A policy loaded before `orderConsent` existed leaves it out: the guards apply its default.
        policy: { frequencyCap, holdoutShare, requireExplicitConsent, ...(orderConsent ? { orderConsent } : {}) },
        ...(needsPairing && journey.fewerTasks
          ? {
              pick: {
                excludePairingIds: journey.state.pairingIds,
                excludeProductIds: journey.sentProductIds,
                segment: journey.context!.segment,
              },
            }
          : {}),
      })
    } catch (error) {
      const refused = endOnKlaviyoRefusal(journey, error)
      if (refused) return refused
      throw error
    }
    switch (check.verdict) {
      case 'clear':
        return (
          journey.interruption() ?? {
            ...(check.pairing === undefined ? {} : { pairing: check.pairing }),
            ...(check.consent ? { consent: check.consent } : {}),
          }
        )
      case 'bought-again':
        // The key the dispatcher will use for this order, so its late signal is recognised.
        journey.noteOrder({ ...check.order, eventKey: eventKey('order', journey.start.storeId, check.order.orderId) })
        return 'bought-again'
      case 'no-consent':
        return 'no-consent'
      case 'held-out':
        return 'held-out'
      case 'capped':
        if (deferrals >= maxCapDeferrals) return 'frequency-capped'
        if (!(await sleepUntilSendTime(journey, check.notBeforeMs))) return journey.interruption()!
    }
  }
}
