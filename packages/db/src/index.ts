export { createDatabase, type Database, type DatabaseOptions, type Db } from './database.ts'
export { migrateToLatest, MigrationError } from './migrate.ts'
export {
  cancelOrder,
  recordOrder,
  takeInOrderDelivery,
  type ErasedCustomerOrder,
  type OrderOutcome,
  type OrderRecording,
  type RecordedCancellation,
  type RecordedOrder,
} from './order/order.repository.ts'
export { customersOfOrders, redactCustomer } from './customer/customer-redaction.ts'
export type { CustomerTarget } from './customer/customer-match.ts'
export { exportCustomerData, type CustomerDataExport } from './customer/customer-export.repository.ts'
export { guestCustomerIdIn } from './customer/guest-customer-id.ts'
export { recordFulfillment, recordFulfillmentCall, type RecordedFulfillment } from './fulfillment/fulfillment.repository.ts'
export type { OrderFactOutcome } from './order/order-fact-recording.ts'
export { recordRefund, recordRefundCall, type RecordedRefund } from './refund/refund.repository.ts'
export {
  markUnlistedProductsRemoved,
  takeInProductDeletion,
  takeInProductDelivery,
  upsertProduct,
  upsertProducts,
} from './product/product.repository.ts'
export { importCatalogue, type CatalogueCounts, type CatalogueEntry } from './catalogue-import/catalogue-import.repository.ts'
export {
  createStore,
  ensureStore,
  findShopifyStore,
  findStoreIdByTokenHash,
  getStore,
  listStoreIds,
  replaceStoreToken,
  setStorePolicy,
  StoreConflictError,
  updateStore,
} from './store/store.repository.ts'
export { openWebhookSecret } from './store/webhook-secret.ts'
export { resealStoredSecrets, type ResealedSecrets } from './stored-secrets.ts'
export { InvalidPolicyError } from './store/store-policy.ts'
export { eraseStore } from './store/store-erasure.ts'
export { countErasures, dueErasures, finishErasure, postponeErasure, type JourneyErasure } from './erasure/erasure.repository.ts'
export {
  countJourneyOutcomes,
  recordJourneyOutcomes,
  recordedOutcomeRunIds,
  releaseOutcomeLease,
  takeOutcomeLease,
  type JourneyOutcomeRecord,
} from './journey-outcome/journey-outcome.repository.ts'
export {
  deleteDeliveriesReceivedBefore,
  recordDelivery,
  takeInDelivery,
  takeInDeliveryWithCall,
  type WebhookDelivery,
} from './webhook-delivery/webhook-delivery.repository.ts'
export { placeholderEmail } from './customer/placeholder-email.ts'
export { importOrderHistory, type HistoricalOrder, type ImportCounts } from './history-import/history-import.repository.ts'
export {
  countDispatches,
  drainDispatches,
  enqueueDispatch,
  type Dispatch,
  type DrainOptions,
  type DrainResult,
} from './dispatch/dispatch.repository.ts'
export type { FulfilledLine } from './fulfillment/fulfillment.table.ts'
export type { OrderSource } from './order/order.table.ts'
export {
  bestSellersIn,
  recentBestSellers,
  recommendableProducts,
  type BestSeller,
  type PriceLimits,
  type RecentSeller,
} from './pairing/best-sellers.repository.ts'
export {
  findProducts,
  sendableProducts,
  listManualPairings,
  removeManualPairing,
  replaceManualPairings,
  saveManualPairings,
  type ManualPairing,
  type ShownProduct,
} from './pairing/pairing.repository.ts'
export { readPickFacts, type PickFacts } from './pairing/pick-facts.ts'
export {
  claimSend,
  findSend,
  listSends,
  markRejected,
  markSent,
  markUnsendable,
  repickSend,
  recordRefusal,
  type LedgerEntry,
  type SendClaim,
} from './send-ledger/send-ledger.repository.ts'
export type { SendStatus } from './send-ledger/send-ledger.table.ts'
export { listOutboxEvents, writeOutboxEvent, type OutboxEvent } from './outbox/outbox.repository.ts'
export { listDryRunEngagement, recordDryRunEngagement, type DryRunEngagement } from './engagement/engagement.repository.ts'
export { findPurchaseAfterEmail, type PurchaseAfterEmail } from './engagement/purchase-after-email.ts'
export type { DryRunEngagementKind } from './engagement/engagement.table.ts'
export { listHoldoutAssignments, recordHoldoutAssignment, type HoldoutAssignment } from './holdout/holdout.repository.ts'
export { holdoutOutcomes, type HoldoutOutcomeQuery, type HoldoutOutcomeRow } from './holdout/holdout-outcomes.repository.ts'
export { ApiKeyCipher, ApiKeyCipherError } from './api-key-cipher.ts'
export {
  describeKlaviyoAccount,
  loadKlaviyoAccount,
  removeKlaviyoAccount,
  saveKlaviyoAccount,
  type KlaviyoAccount,
  type KlaviyoAccountSummary,
} from './klaviyo-account/klaviyo-account.repository.ts'
export {
  describeShopifyConnection,
  listShopifyConnectedStoreIds,
  loadShopifyConnection,
  recordCatalogueSync,
  removeShopifyConnection,
  saveShopifyConnection,
  type ShopifyAdminConnection,
  type ShopifyConnectionSave,
  type ShopifyConnectionSummary,
} from './shopify-connection/shopify-connection.repository.ts'
export { recordConversion, type Conversion } from './conversion/conversion.repository.ts'
export { loadRecipient } from './customer-history/recipient.ts'
export { loadSendGuardFacts, type SendGuardFacts } from './customer-history/send-guard-facts.ts'
export {
  acceptsMarketing,
  loadCustomerHistory,
  orderLines,
  type BoughtLine,
  type CustomerContact,
  type CustomerHistory,
  type PlacedOrder,
} from './customer-history/customer-history.repository.ts'
export {
  countHistoryOrders,
  readOrderHistory,
  type HistoryLine,
  type HistoryReadOptions,
} from './order-history/order-history.repository.ts'
export {
  listPairingModels,
  minedPairingsFor,
  saveMinedPairings,
  type NewPairingModel,
  type PairingModelVersion,
} from './pairing-model/pairing-model.repository.ts'
export type { PairingModelStatus } from './pairing-model/pairing-model.table.ts'
export { reviewMinedPairings, type MinedPairingPage, type MinedPairingReview } from './pairing-model/mined-pairing-review.repository.ts'
export {
  recommendationRulesFor,
  setRecommendationRules,
  type StoredRecommendationRules,
} from './pairing-model/recommendation-rules.repository.ts'
export { journeyFunnel, type JourneyFunnel } from './report/journey-funnel.repository.ts'
export { pairingResults, type PairingResult } from './report/pairing-results.repository.ts'
export {
  latestPairingReview,
  retiredPairingIds,
  savePairingReview,
  type StoredPairingReview,
  type StoredReviewEntry,
} from './pairing-review/pairing-review.repository.ts'
export {
  ExperimentConflictError,
  emailVariant,
  type EmailVariant,
  findExperiment,
  listExperiments,
  runningExperiment,
  startExperiment,
  stopExperiment,
  variantResults,
  type StoredExperiment,
} from './experiment/experiment.repository.ts'
export {
  attributionInputs,
  recordSendEngagement,
  type AttributableStoreOrder,
  type EngagedSend,
} from './attribution/attribution.repository.ts'
