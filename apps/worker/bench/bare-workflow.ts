// The benchmark's yardstick: a workflow with the journey's shape on the common path and nothing else.
// It takes the same signals and makes the same number of activity calls, one after another, so the
// difference to crossSellJourney is what the journey's own logic and data access cost.
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow'

/** The no-op activity the bare workflow calls. */
export interface BareActivities {
  step(index: number): Promise<void>
}

const { step } = proxyActivities<BareActivities>({ startToCloseTimeout: '15 seconds' })

export const barePlacedSignal = defineSignal<[unknown]>('orderPlaced')
export const bareFulfilledSignal = defineSignal<[unknown]>('orderFulfilled')

/** Waits for an order and its fulfilment, then makes `activityCalls` activity calls. */
export async function bareJourney(activityCalls: number): Promise<number> {
  let placed = false
  let fulfilled = false
  setHandler(barePlacedSignal, () => {
    placed = true
  })
  setHandler(bareFulfilledSignal, () => {
    fulfilled = true
  })
  await condition(() => placed)
  await step(0)
  await condition(() => fulfilled)
  for (let index = 1; index < activityCalls; index++) await step(index)
  return activityCalls
}
