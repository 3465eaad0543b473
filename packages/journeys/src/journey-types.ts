/** What a journey is started with: whose journey it is. Orders arrive as signals. */
export interface JourneyStart {
  storeId: string
  customerId: string
}

/** What every journey signal carries: the dispatch's event key, so a redelivered signal is ignored. */
export interface JourneyEvent {
  eventKey: string
}

/** The `orderPlaced` signal's payload, built by the dispatcher from a recorded order. */
export interface OrderPlaced extends JourneyEvent {
  orderId: string
  /** ISO 8601. */
  placedAt: string
  productIds: string[]
}

/** The `orderFulfilled` signal's payload. */
export interface OrderFulfilled extends JourneyEvent {
  orderId: string
  /** ISO 8601. */
  fulfilledAt: string
  /** Every line of the order is fulfilled (false for a partial fulfilment). */
  complete: boolean
}

/** The `orderCancelled` signal's payload. */
export interface OrderCancelled extends JourneyEvent {
  orderId: string
  /** ISO 8601. */
  cancelledAt: string
}

/** The `orderRefunded` signal's payload. */
export interface OrderRefunded extends JourneyEvent {
  orderId: string
  /** ISO 8601. */
  refundedAt: string
  /** The whole order was refunded. */
  full: boolean
}

/** The `customerRedacted` signal's payload. */
export type CustomerRedacted = JourneyEvent

/** Where a journey stands, as the `journeyState` query answers. */
export interface JourneyState {
  storeId: string
  customerId: string
  stage: JourneyStage
  ordersSeen: string[]
}

export type JourneyStage = 'waiting-for-order' | 'recording' | 'ended'

/** How a journey ended. */
export interface JourneyOutcome {
  reason: 'recorded'
  orderIds: string[]
}
