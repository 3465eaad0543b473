export type {
  CheckBeforeSendInput,
  Engagement,
  FetchEngagementInput,
  JourneyActivities,
  JourneyContext,
  LoadJourneyInput,
  PairingPick,
  PickPairingInput,
  RecordConversionInput,
  SendCheck,
  SendRecommendationInput,
  SendResult,
} from './activities.ts'
export type {
  CustomerRedacted,
  EmailKind,
  EndReason,
  JourneyEvent,
  JourneyOutcome,
  JourneyRestart,
  JourneyStage,
  JourneyStart,
  JourneyState,
  OrderCancelled,
  OrderFacts,
  OrderFulfilled,
  OrderPlaced,
  OrderRefunded,
  StopJourney,
} from './journey-types.ts'
export {
  customerRedactedSignal,
  journeyStateQuery,
  orderCancelledSignal,
  orderFulfilledSignal,
  orderPlacedSignal,
  orderRefundedSignal,
  stopJourneyUpdate,
} from './messages.ts'
export {
  customerIdAttribute,
  customerSegmentAttribute,
  emailsSentAttribute,
  journeyStageAttribute,
  nextActionAtAttribute,
  pairingIdAttribute,
  storeIdAttribute,
} from './search-attributes.ts'
export { crossSellJourney } from './cross-sell-journey.ts'
export { syncCatalogue, type CatalogueSyncActivities, type CatalogueSyncOutcome, type SyncCatalogueInput } from './sync-catalogue.ts'
export { refreshPairings, type PairingRefreshActivities, type PairingRefreshOutcome, type RefreshPairingsInput } from './refresh-pairings.ts'
export { AesGcmPayloadCodec, fromWire, journeyDataConverter, PayloadKeyError, toWire, type WirePayload } from './payload-codec.ts'
