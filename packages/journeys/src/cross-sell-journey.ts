import { sendKey } from '@crosswise/domain'
import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow'
import type { JourneyActivities } from './activities.ts'
import type { JourneyOutcome, JourneyStart, JourneyState, OrderPlaced } from './journey-types.ts'
import { journeyStateQuery, orderPlacedSignal } from './messages.ts'
import { customerIdAttribute, journeyStageAttribute, storeIdAttribute } from './search-attributes.ts'

const { recordJourneyStep } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
})

/**
 * A customer's post-purchase journey in one store. Started (or signalled) by the dispatcher with
 * signal-with-start for every recorded order; it records each order it receives, then ends.
 */
export async function crossSellJourney(start: JourneyStart): Promise<JourneyOutcome> {
  const state: JourneyState = { storeId: start.storeId, customerId: start.customerId, stage: 'waiting-for-order', ordersSeen: [] }
  const queue: OrderPlaced[] = []
  const seen = new Set<string>()
  // Handlers first: the signal that started this run is delivered before the first await.
  setHandler(orderPlacedSignal, (order) => {
    if (seen.has(order.eventKey)) return
    seen.add(order.eventKey)
    queue.push(order)
  })
  setHandler(journeyStateQuery, () => state)
  upsertSearchAttributes([
    { key: storeIdAttribute, value: start.storeId },
    { key: customerIdAttribute, value: start.customerId },
    { key: journeyStageAttribute, value: state.stage },
  ])

  await condition(() => queue.length > 0)
  state.stage = 'recording'
  upsertSearchAttributes([{ key: journeyStageAttribute, value: state.stage }])
  const { workflowId, runId } = workflowInfo()
  for (let order = queue.shift(); order; order = queue.shift()) {
    await recordJourneyStep({
      stepKey: sendKey(start.storeId, order.orderId, 'order-received'),
      workflowId,
      runId,
      storeId: start.storeId,
      customerId: start.customerId,
      orderId: order.orderId,
      step: 'order-received',
    })
    state.ordersSeen.push(order.orderId)
  }
  state.stage = 'ended'
  upsertSearchAttributes([{ key: journeyStageAttribute, value: state.stage }])
  return { reason: 'recorded', orderIds: state.ordersSeen }
}
