export type { JourneyActivities, RecordJourneyStepInput } from './activities.ts'
export type {
  CustomerRedacted,
  JourneyEvent,
  JourneyOutcome,
  JourneyStage,
  JourneyStart,
  JourneyState,
  OrderCancelled,
  OrderFulfilled,
  OrderPlaced,
  OrderRefunded,
} from './journey-types.ts'
export {
  customerRedactedSignal,
  journeyStateQuery,
  orderCancelledSignal,
  orderFulfilledSignal,
  orderPlacedSignal,
  orderRefundedSignal,
} from './messages.ts'
export { customerIdAttribute, journeyStageAttribute, storeIdAttribute } from './search-attributes.ts'
export { crossSellJourney } from './cross-sell-journey.ts'
