/** What a journey is started with: whose journey it is. Orders arrive as signals. */
export interface JourneyStart {
  storeId: string
  customerId: string
}

/** The `orderPlaced` signal's payload, built by the dispatcher from a recorded order. */
export interface OrderPlaced {
  /** The dispatch's event key; a redelivered signal with a known key is ignored. */
  eventKey: string
  orderId: string
  /** ISO 8601. */
  placedAt: string
  productIds: string[]
}

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
