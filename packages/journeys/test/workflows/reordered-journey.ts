// crossSellJourney with two steps swapped: it picks the pairing before it checks the guards. It
// exists only for the replay test, to prove that replaying the recorded histories catches a change
// to the command sequence that was not put behind `patched()`.
import type { JourneyOutcome, JourneyStart } from '../../src/journey-types.ts'
import { listen } from '../../src/listen.ts'
import { checkBeforeSend } from '../../src/steps/check-before-send.ts'
import { choosePairing } from '../../src/steps/choose-pairing.ts'
import { loadContext } from '../../src/steps/load-context.ts'
import { branchOnEngagement, firstEmail } from '../../src/steps/plan-emails.ts'
import { nextSendKey, sendEmail } from '../../src/steps/send-email.ts'
import { sleepUntilSendTime } from '../../src/steps/sleep-until-send-time.ts'
import { waitForEngagement } from '../../src/steps/wait-for-engagement.ts'
import { waitForFulfillment } from '../../src/steps/wait-for-fulfillment.ts'
import { waitForOrder } from '../../src/steps/wait-for-order.ts'

export async function crossSellJourney(start: JourneyStart): Promise<JourneyOutcome> {
  const journey = listen(start)
  if (!(await waitForOrder(journey))) return journey.settle('no-order')
  await loadContext(journey)
  if (!(await waitForFulfillment(journey))) return journey.settle('never-fulfilled')
  let email = firstEmail(journey)
  for (;;) {
    if (!(await sleepUntilSendTime(journey, email.notBeforeMs))) return journey.settle()
    const pairing = email.pairing ?? (await choosePairing(journey))
    const check = await checkBeforeSend(journey, nextSendKey(journey), false)
    if (typeof check === 'string') return journey.settle(check)
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
