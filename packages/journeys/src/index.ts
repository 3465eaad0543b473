export {
  journeyActivityContracts,
  pairingPickSchema,
  pairingSourceSchema,
  type CheckBeforeSendInput,
  type EmailKind,
  type Engagement,
  type FetchEngagementInput,
  type JourneyActivities,
  type JourneyContext,
  type LoadJourneyInput,
  type PairingPick,
  type PairingSource,
  type PickPairingInput,
  type RecordConversionInput,
  type SendCheck,
  type SendConsent,
  type SendRecommendationInput,
  type SendResult,
} from './activities.ts'
export type { ActivitiesOf, ActivityContract, ActivityImplementations } from './activity-contract.ts'
export {
  endReasonSchema,
  journeyStageSchema,
  journeyStateSchema,
  type EndReason,
  type JourneyStage,
  type JourneyState,
} from './journey-state.ts'
export type {
  CustomerRedacted,
  JourneyOutcome,
  JourneyRestart,
  JourneySignalArgument,
  JourneyStart,
  KeyedEvent,
  OrderCancelled,
  OrderFacts,
  OrderFulfilled,
  OrderPlaced,
  OrderRefunded,
  StopJourney,
} from './journey-types.ts'
export {
  customerRedactedSignal,
  journeySignals,
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
  journeyOutcomeAttribute,
  journeyStageAttribute,
  nextActionAtAttribute,
  pairingIdAttribute,
  storeIdAttribute,
} from './search-attributes.ts'
export { crossSellJourney } from './cross-sell-journey.ts'
export { refreshPairings } from './refresh-pairings.ts'
export {
  pairingRefreshActivityContracts,
  type PairingRefreshActivities,
  type PairingRefreshOutcome,
  type RefreshPairingsInput,
} from './refresh-pairings-contract.ts'
export { reviewStorePairings } from './review-pairings.ts'
export {
  pairingReviewActivityContracts,
  type PairingReviewActivities,
  type PairingReviewOutcome,
  type ReviewPairingsInput,
} from './review-pairings-contract.ts'
export { syncCatalogue } from './sync-catalogue.ts'
export {
  catalogueSyncActivityContracts,
  type CatalogueSyncActivities,
  type CatalogueSyncOutcome,
  type SyncCatalogueInput,
} from './sync-catalogue-contract.ts'
export { AesGcmPayloadCodec, fromWire, journeyDataConverter, PayloadKeyError, toWire, type WirePayload } from './payload-codec.ts'
