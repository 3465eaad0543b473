import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow'
import type { JourneyState } from './journey-state.ts'
import type { CustomerRedacted, OrderCancelled, OrderFulfilled, OrderPlaced, OrderRefunded, StopJourney } from './journey-types.ts'

// Wire names are written into every history: they never change. The dispatcher sends each recorded
// event as the signal whose wire name equals its dispatch `kind`.

/** An order of the customer was recorded; starts or restarts the journey. */
export const orderPlacedSignal = defineSignal<[OrderPlaced]>('orderPlaced')

/** One of the customer's orders was fulfilled, wholly or in part. */
export const orderFulfilledSignal = defineSignal<[OrderFulfilled]>('orderFulfilled')

/** One of the customer's orders was cancelled. */
export const orderCancelledSignal = defineSignal<[OrderCancelled]>('orderCancelled')

/** One of the customer's orders was refunded, wholly or in part. */
export const orderRefundedSignal = defineSignal<[OrderRefunded]>('orderRefunded')

/** The store asked us to erase the customer (GDPR `customers/redact`): the journey ends at once. */
export const customerRedactedSignal = defineSignal<[CustomerRedacted]>('customerRedacted')

/** The journey's current state, for the API, the CLI and the Temporal UI. */
export const journeyStateQuery = defineQuery<JourneyState>('journeyState')

/**
 * Stops the journey (the customer unsubscribed, or an operator said so): it ends without another
 * email. Answers with the state at the moment of stopping; stopping an ended journey changes nothing.
 */
export const stopJourneyUpdate = defineUpdate<JourneyState, [StopJourney]>('stopJourney')
