export { catalogJobSize } from './catalog.ts'
export { decideEmailConsent, withOrderConsent, type ConsentSource } from './consent.ts'
export { engagementMetricNames } from './engagement.ts'
export { KlaviyoError, KlaviyoRejectedError, KlaviyoRetryableError, type KlaviyoErrorDetail, type RetryableReason } from './errors.ts'
export {
  catalogProductSchema,
  customerIdentitySchema,
  productCardSchema,
  recommendationSchema,
  type CatalogProduct,
  type CatalogSyncResult,
  type ConsentPolicy,
  type ConsentReason,
  type CustomerIdentity,
  type EmailConsent,
  type EngagementEvent,
  type EngagementKind,
  type EngagementQuery,
  type KlaviyoGateway,
  type ProductCard,
  type Recommendation,
} from './gateway.ts'
export { createKlaviyoClients, type KlaviyoClients, type KlaviyoConnection } from './klaviyo-clients.ts'
export { checkKlaviyoKey, type KlaviyoKeyCheck } from './key-check.ts'
export {
  findMetricId,
  recommendationFlowBody,
  recommendationTemplateHtml,
  setupRecommendationFlow,
  templateLayouts,
  type FlowSetupRequest,
  type FlowSetupResult,
  type TemplateLayout,
} from './flow-setup.ts'
export { KlaviyoPacer, sharedKlaviyoPacer, type PacingOptions } from './pacing.ts'
export { klaviyoRateTiers, type RateLimit, type RateTier } from './rate-limits.ts'
export { defaultRecommendationMetric, klaviyoExternalId } from './recommendation-event.ts'
export { createSdkGateway, type SdkGatewayOptions } from './sdk-gateway.ts'
export { createOutboxGateway, type OutboxEntry, type OutboxGatewayOptions, type OutboxStore } from './outbox-gateway.ts'
