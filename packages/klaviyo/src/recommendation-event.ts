import { klaviyoExternalId as externalProfileId } from '@crosswise/domain'
import { EventEnum, type EventCreateQueryV2, MetricEnum, ProfileEnum } from 'klaviyo-api'
import {
  customerIdentitySchema,
  type CustomerIdentity,
  type ProductCard,
  productCardSchema,
  type Recommendation,
  recommendationSchema,
} from './gateway.ts'

/** Name of the custom metric the Crosswise flow is triggered by, unless configured otherwise. */
export const defaultRecommendationMetric = 'Crosswise Recommendation'

/** Our external id on the customer's Klaviyo profile ({@link externalProfileId}). */
export function klaviyoExternalId(customer: Pick<CustomerIdentity, 'storeId' | 'customerId'>): string {
  return externalProfileId(customer.storeId, customer.customerId)
}

/** The profile identifiers every request about a customer carries: email and external id, together. */
export function profileIdentifiers(customer: CustomerIdentity): { email: string; externalId: string } {
  const parsed = customerIdentitySchema.parse(customer)
  return { email: parsed.email, externalId: klaviyoExternalId(parsed) }
}

function productProperties(card: ProductCard): Record<string, string | null> {
  const product = productCardSchema.parse(card)
  return {
    product_id: product.productId,
    variant_id: product.variantId ?? null,
    variant_title: product.variantTitle ?? null,
    title: product.title,
    url: product.url,
    image_url: product.imageUrl ?? null,
    price: product.price,
  }
}

/**
 * The event's `properties`, which the flow's template reads as `{{ event.* }}`. Keys are snake_case
 * on purpose: `properties` is free-form, so the SDK passes it through as written, and these are the
 * names the committed templates use.
 */
export function recommendationEventProperties(recommendation: Recommendation): Record<string, unknown> {
  const parsed = recommendationSchema.parse(recommendation)
  return {
    store_id: parsed.customer.storeId,
    journey_step: parsed.journeyStep,
    trigger_product: productProperties(parsed.triggerProduct),
    recommended_products: parsed.products.map(productProperties),
    recommended_product_count: parsed.products.length,
    layout: parsed.layout ?? (parsed.products.length > 1 ? 'grid' : 'single'),
    discount_code: parsed.discountCode ?? null,
    currency: parsed.currency,
    experiment_id: parsed.experiment?.id ?? null,
    variant: parsed.experiment?.variant ?? null,
    subject: parsed.subject ?? null,
    discount_percent: parsed.discountPercent ?? null,
  }
}

/**
 * The SDK request for `POST /api/events`. Attribute keys are camelCase (`uniqueId`, `externalId`)
 * because the SDK maps only the names it knows to the wire; a snake_case key would be dropped silently.
 */
export function recommendationEventBody(recommendation: Recommendation, metricName: string): EventCreateQueryV2 {
  const parsed = recommendationSchema.parse(recommendation)
  const identifiers = profileIdentifiers(parsed.customer)
  return {
    data: {
      type: EventEnum.Event,
      attributes: {
        properties: recommendationEventProperties(recommendation),
        uniqueId: parsed.idempotencyKey,
        value: Number(parsed.value),
        valueCurrency: parsed.currency,
        ...(parsed.occurredAt ? { time: new Date(parsed.occurredAt) } : {}),
        metric: { data: { type: MetricEnum.Metric, attributes: { name: metricName } } },
        profile: { data: { type: ProfileEnum.Profile, attributes: identifiers } },
      },
    },
  }
}
