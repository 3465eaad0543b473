import { nextSendTime } from '@crosswise/domain/workflow'
import type { Journey } from '../journey.ts'

/**
 * Sleeps until the first moment at or after `notBeforeMs` inside the customer's send window (local
 * time, allowed weekdays). Wakes early, returning false, when the journey is interrupted.
 */
export async function sleepUntilSendTime(journey: Journey, notBeforeMs: number): Promise<boolean> {
  const { context } = journey
  const sendAt = nextSendTime(Math.max(notBeforeMs, Date.now()), journey.policy.sendWindow, context!.timeZone)
  const waitMs = sendAt - Date.now()
  if (waitMs > 0 && journey.interruption() === undefined) {
    const when = new Date(sendAt).toISOString()
    journey.setStage('waiting-to-send', `Next email due ${when} (${context!.timeZone})`, { nextActionAtMs: sendAt })
    await journey.waitUntil(() => journey.interruption() !== undefined, waitMs)
  }
  return journey.interruption() === undefined
}
