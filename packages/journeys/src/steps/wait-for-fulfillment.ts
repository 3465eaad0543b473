import type { Journey } from '../journey.ts'

/**
 * Waits until the trigger order is fulfilled (a partial fulfilment counts if the policy says so), up
 * to the policy's timeout. True when the journey may go on: fulfilled, or timed out under `proceed`.
 * The moment the segment delay counts from is kept on the journey.
 */
export async function waitForFulfillment(journey: Journey): Promise<boolean> {
  const { fulfillment } = journey.policy
  const orderId = journey.trigger!.orderId
  const fulfilledAt = () => {
    const facts = journey.facts.get(orderId)
    return facts?.fulfilledAt ?? (fulfillment.partial === 'proceed' ? facts?.partiallyFulfilledAt : undefined)
  }
  if (fulfilledAt() === undefined && journey.interruption() === undefined && fulfillment.timeoutMs > 0) {
    const deadline = Date.now() + fulfillment.timeoutMs
    journey.setStage('waiting-for-fulfilment', `Waiting for order ${orderId} to be fulfilled`, { nextActionAtMs: deadline })
    await journey.waitUntil(() => fulfilledAt() !== undefined || journey.interruption() !== undefined, fulfillment.timeoutMs)
  }
  if (journey.interruption() !== undefined) return false
  const at = fulfilledAt()
  if (at === undefined && fulfillment.onTimeout === 'end') return false
  // A fulfilment time from the platform may lie in the past (late webhook) but never in the future.
  journey.fulfilledAtMs = at === undefined ? Date.now() : Math.min(Date.parse(at), Date.now())
  return true
}
