import type { Journey } from '../journey.ts'

// A run started by a fact (fulfilment, refund) whose order has not arrived yet waits this long for
// it; a fact about an order of an ended journey thus ends quietly the next day.
const orderWaitMs = 24 * 60 * 60 * 1000

/** Waits for the order the journey is about. False when none came, or the journey was stopped. */
export async function waitForOrder(journey: Journey): Promise<boolean> {
  const ready = () => journey.trigger !== undefined || journey.redacted || journey.stopReason !== undefined
  if (!ready()) {
    journey.setStage('waiting-for-order', 'Waiting for the order this event belongs to', { nextActionAtMs: Date.now() + orderWaitMs })
    await journey.waitUntil(ready, orderWaitMs)
  }
  return journey.trigger !== undefined && journey.interruption() === undefined
}
