import type { JourneySignal } from '@crosswise/domain'
import { defineQuery, defineSignal, defineUpdate, type SignalDefinition } from '@temporalio/workflow'
import type { JourneyState } from './journey-state.ts'
import type { JourneySignalArgument, StopJourney } from './journey-types.ts'

// Wire names are written into every history: they never change. Each is the `signal` of a domain
// journey event, and the signal's argument is that event's payload with its event key.
const journeySignal = <S extends JourneySignal>(name: S): SignalDefinition<[JourneySignalArgument<S>], S> =>
  defineSignal<[JourneySignalArgument<S>], S>(name)

/** An order of the customer was recorded; starts or restarts the journey. */
export const orderPlacedSignal = journeySignal('orderPlaced')

/** One of the customer's orders was fulfilled, wholly or in part. */
export const orderFulfilledSignal = journeySignal('orderFulfilled')

/** One of the customer's orders was cancelled. */
export const orderCancelledSignal = journeySignal('orderCancelled')

/** One of the customer's orders was refunded, wholly or in part. */
export const orderRefundedSignal = journeySignal('orderRefunded')

/** The store asked us to erase the customer (GDPR `customers/redact`): the journey ends at once. */
export const customerRedactedSignal = journeySignal('customerRedacted')

/** Every journey signal by its wire name: the dispatcher sends each recorded event through it. */
export const journeySignals: { [S in JourneySignal]: SignalDefinition<[JourneySignalArgument<S>], S> } = {
  orderPlaced: orderPlacedSignal,
  orderFulfilled: orderFulfilledSignal,
  orderCancelled: orderCancelledSignal,
  orderRefunded: orderRefundedSignal,
  customerRedacted: customerRedactedSignal,
}

/** The journey's current state, for the API, the CLI and the Temporal UI. */
export const journeyStateQuery = defineQuery<JourneyState>('journeyState')

/**
 * Stops the journey (the customer unsubscribed, or an operator said so): it ends without another
 * email. Answers with the state at the moment of stopping; stopping an ended journey changes nothing.
 */
export const stopJourneyUpdate = defineUpdate<JourneyState, [StopJourney]>('stopJourney')
