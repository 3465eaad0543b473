import type { JourneyEventPayload, JourneySignal } from '@crosswise/domain'
import type { EndReason } from './journey-state.ts'

/**
 * What a journey is started with: whose journey it is. Orders arrive as signals. A journey that
 * restarts from a newer order (continue-as-new) carries that order and what it already knows.
 */
export interface JourneyStart {
  storeId: string
  customerId: string
  /** Set only by continue-as-new: the order the new run is about, and facts received so far. */
  restart?: JourneyRestart
}

/** What one run hands the next when the journey restarts from a newer order. */
export interface JourneyRestart {
  trigger: OrderPlaced
  /** Event keys already applied, newest last (bounded), so a redelivered signal stays ignored. */
  seenEventKeys: string[]
  /** Orders already known to this journey, so a late duplicate of one is not a new purchase. */
  knownOrderIds: string[]
  /** Fulfilments, cancellations and refunds received for orders other than the old trigger. */
  orderFacts: Record<string, OrderFacts>
}

/** What a journey has heard about one order. */
export interface OrderFacts {
  /** ISO 8601 of the first complete fulfilment. */
  fulfilledAt?: string
  /** ISO 8601 of the first partial fulfilment. */
  partiallyFulfilledAt?: string
  cancelled?: boolean
  fullyRefunded?: boolean
}

/** What every journey signal carries besides its event's payload: the dispatch's event key, so a redelivered signal is ignored. */
export interface KeyedEvent {
  eventKey: string
}

/** The argument of the journey signal named `S`: the domain's event payload and its event key. */
export type JourneySignalArgument<S extends JourneySignal> = JourneyEventPayload<S> & KeyedEvent

/** The `orderPlaced` signal's payload, built by the dispatcher from a recorded order. */
export type OrderPlaced = JourneySignalArgument<'orderPlaced'>

/** The `orderFulfilled` signal's payload. */
export type OrderFulfilled = JourneySignalArgument<'orderFulfilled'>

/** The `orderCancelled` signal's payload. */
export type OrderCancelled = JourneySignalArgument<'orderCancelled'>

/** The `orderRefunded` signal's payload. */
export type OrderRefunded = JourneySignalArgument<'orderRefunded'>

/** The `customerRedacted` signal's payload. */
export type CustomerRedacted = JourneySignalArgument<'customerRedacted'>

/** The `stopJourney` update's argument: why the journey is stopped (shown in its state). */
export interface StopJourney {
  reason: string
}

/** How a journey ended. */
export interface JourneyOutcome {
  reason: EndReason
  triggerOrderId?: string
  emailsSent: number
  pairingIds: string[]
}
