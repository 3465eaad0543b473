import { setHandler } from '@temporalio/workflow'
import { Journey } from './journey.ts'
import type { JourneyStart, KeyedEvent } from './journey-types.ts'
import {
  customerRedactedSignal,
  journeyStateQuery,
  orderCancelledSignal,
  orderFulfilledSignal,
  orderPlacedSignal,
  orderRefundedSignal,
  stopJourneyUpdate,
} from './messages.ts'

/**
 * Creates the run's journey and registers every handler on it. Called before the first `await`, so
 * the signal that started the run (signal-with-start) is already applied when the journey first looks.
 * A signal whose event key was applied before is ignored: the dispatcher may deliver twice.
 */
export function listen(start: JourneyStart): Journey {
  const journey = new Journey(start)
  const once = (event: KeyedEvent): boolean => {
    if (journey.seenEventKeys.has(event.eventKey)) return false
    journey.seenEventKeys.add(event.eventKey)
    return true
  }
  setHandler(orderPlacedSignal, (order) => {
    if (once(order)) journey.noteOrder(order)
  })
  // Facts are kept per order, whichever order they name: a fulfilment may arrive before its order.
  setHandler(orderFulfilledSignal, (fulfillment) => {
    if (!once(fulfillment)) return
    journey.noteFacts(
      fulfillment.orderId,
      fulfillment.complete ? { fulfilledAt: fulfillment.fulfilledAt } : { partiallyFulfilledAt: fulfillment.fulfilledAt },
    )
  })
  setHandler(orderCancelledSignal, (cancellation) => {
    if (once(cancellation)) journey.noteFacts(cancellation.orderId, { cancelled: true })
  })
  setHandler(orderRefundedSignal, (refund) => {
    if (once(refund) && refund.full) journey.noteFacts(refund.orderId, { fullyRefunded: true })
  })
  setHandler(customerRedactedSignal, (redaction) => {
    if (once(redaction)) journey.redacted = true
  })
  setHandler(stopJourneyUpdate, ({ reason }) => {
    if (journey.state.stage !== 'ended') journey.stopReason ??= reason
    return journey.state
  })
  setHandler(journeyStateQuery, () => journey.state)
  return journey
}
