export {
  catalogueSyncId,
  categoryBestSellerPairingId,
  eventKey,
  journeyWorkflowId,
  klaviyoExternalId,
  manualPairingId,
  minedPairingId,
  pairingRefreshId,
  pairingReviewId,
  sendKey,
  storeBestSellerPairingId,
  type EventSubject,
} from './ids.ts'
export { pairingSourceSchema, type PairingSource } from './pairing-source.ts'
export { currencySchema, decimalToUnits, moneySchema, unitsToDecimal } from './money.ts'
export { lineItemSchema, orderSchema, orderTotal, type LineItem, type Order, type OrderInput } from './order.ts'
export { platformIdSchema } from './platform-id.ts'
export { emailSchema, normaliseEmail } from './email.ts'
export { timeZoneSchema } from './time-zone.ts'
export { customerSchema, redactedEmail, type Customer } from './customer.ts'
export {
  shopDomainSchema,
  shopifyConnectionSchema,
  storeIdSchema,
  storeSettingsSchema,
  type ShopifyConnection,
  type Store,
  type StoreSettings,
  type StoreSettingsInput,
} from './store.ts'
export { productSchema, type Product, type ProductInput } from './product.ts'
export { catalogueProductFromShopify, type ShopifyProductFacts, type ShopifyShop, type ShopifyVariantFacts } from './shopify-product.ts'
export { productHandleSchema, productUrlTemplateSchema } from './product-page.ts'
export { fulfillmentSchema, type FulfilledLine, type Fulfillment, type FulfillmentInput } from './fulfillment.ts'
export { refundSchema, type Refund, type RefundInput } from './refund.ts'
export { cancellationSchema, type Cancellation, type CancellationInput } from './cancellation.ts'
export { classifySegment, type CustomerProfile, type PastOrder } from './segment.ts'
export { segmentPriceBandsSchema, type SegmentPriceBands } from './price-band.ts'
export { journeyEventSchema, type JourneyEvent, type JourneyEventPayload, type JourneySignal } from './journey-event.ts'
export { journeySearchAttributes, type SearchAttributeKind } from './journey-search-attributes.ts'
export {
  defaultJourneyPolicy,
  journeyPolicySchema,
  segmentSchema,
  type JourneyPolicy,
  type JourneyPolicyInput,
  type Segment,
} from './journey-policy.ts'
export { nextSendTime, isKnownTimeZone, type SendWindow } from './send-window.ts'
export { holdoutPosition, isHeldOut } from './holdout.ts'
export { checkFrequencyCap, type FrequencyCapVerdict } from './frequency-cap.ts'
export { seededRandom } from './seeded-random.ts'
export { minedPairingSchema, type MinedPairing } from './mined-pairing.ts'
export {
  assignVariant,
  testsDelay,
  experimentPosition,
  experimentSchema,
  experimentVariantSchema,
  type Experiment,
  type ExperimentInput,
  type ExperimentVariant,
  type VariantTotals,
} from './experiment.ts'
export { formatTimeSpan, timeSpanSchema } from './time-span.ts'
export { instantSchema, isWithinEra } from './instant.ts'
