import type { JourneyOutcome, JourneyStart } from './journey-types.ts'
import { listen } from './listen.ts'
import { checkBeforeSend } from './steps/check-before-send.ts'
import { choosePairing } from './steps/choose-pairing.ts'
import { loadContext } from './steps/load-context.ts'
import { branchOnEngagement, firstEmail } from './steps/plan-emails.ts'
import { nextSendKey, sendEmail } from './steps/send-email.ts'
import { sleepUntilSendTime } from './steps/sleep-until-send-time.ts'
import { waitForEngagement } from './steps/wait-for-engagement.ts'
import { waitForFulfillment } from './steps/wait-for-fulfillment.ts'
import { waitForOrder } from './steps/wait-for-order.ts'

/**
 * A customer's post-purchase cross-sell journey in one store (DESIGN.md §2). Started or signalled by
 * the dispatcher with signal-with-start for every recorded order event: it waits for fulfilment, sleeps
 * the segment's delay into the customer's send window, re-checks its guards, emails a pairing and
 * branches on engagement. A repeat purchase restarts it from the new order (continue-as-new) or ends
 * it, by policy. Every step that changes the command sequence goes behind `patched()` (README).
 */
export async function crossSellJourney(start: JourneyStart): Promise<JourneyOutcome> {
  const journey = listen(start) // handlers first, then the first await
  if (!(await waitForOrder(journey))) return journey.settle('no-order')
  await loadContext(journey)
  if (!(await waitForFulfillment(journey))) return journey.settle('never-fulfilled')
  let email = firstEmail(journey)
  for (;;) {
    if (!(await sleepUntilSendTime(journey, email.notBeforeMs))) return journey.settle()
    const check = await checkBeforeSend(journey, nextSendKey(journey), !email.pairing)
    if (typeof check === 'string') return journey.settle(check)
    const pairing = email.pairing ?? (check.pairing === undefined ? await choosePairing(journey) : check.pairing)
    if (!pairing) return journey.settle('nothing-to-recommend')
    const sent = await sendEmail(journey, email, pairing, check.consent)
    if (typeof sent === 'string') return journey.settle(sent)
    const engagement = await waitForEngagement(journey, sent)
    if (typeof engagement === 'string') return journey.settle(engagement)
    const next = await branchOnEngagement(journey, engagement, sent)
    if (typeof next === 'string') return journey.settle(next)
    email = next
  }
}
