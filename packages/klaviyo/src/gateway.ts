import { z } from 'zod'

const decimal = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be an amount such as "19.90": not negative, below 10,000,000,000'))

/**
 * Who a message is for. Email and our namespaced external id always travel together, so Klaviyo's
 * deduplication and our engagement read-back always land on the same profile.
 */
export const customerIdentitySchema = z.object({
  storeId: z.string().min(1),
  customerId: z.string().min(1),
  email: z.string().trim().toLowerCase().pipe(z.email()),
})

/** Who a message is for; see {@link customerIdentitySchema}. */
export type CustomerIdentity = z.input<typeof customerIdentitySchema>

/** A product as an email shows it: title, link, picture and price (decimal string, major units). */
export const productCardSchema = z.object({
  productId: z.string().min(1),
  variantId: z.string().min(1).optional(),
  variantTitle: z.string().min(1).optional(),
  title: z.string().min(1),
  url: z.url(),
  imageUrl: z.url().optional(),
  price: decimal,
})

/** A product as an email shows it; see {@link productCardSchema}. */
export type ProductCard = z.input<typeof productCardSchema>

/**
 * One recommendation email, sent as a Klaviyo event that a metric-triggered flow renders.
 * `idempotencyKey` becomes the event's `unique_id` (`sendKey(storeId, orderId, step)` from the domain):
 * Klaviyo keeps only the first event per profile, metric and key, so retries cannot send twice.
 */
/** How an email lays out its products: the first alone, or all of them in a grid. */
export const emailLayoutSchema = z.enum(['single', 'grid'])
export type EmailLayout = z.infer<typeof emailLayoutSchema>

export const recommendationSchema = z.object({
  customer: customerIdentitySchema,
  idempotencyKey: z.string().min(1).max(255),
  /** Which email of the journey this is (`first`, `follow-up`); templates may branch on it. */
  journeyStep: z.string().min(1),
  triggerProduct: productCardSchema,
  products: z.array(productCardSchema).min(1).max(12),
  /** The layout the template renders (`event.layout`); a grid when absent and there are several products. */
  layout: emailLayoutSchema.optional(),
  discountCode: z.string().min(1).optional(),
  /** The percentage the discount code gives, for the copy. */
  discountPercent: z.number().positive().max(100).optional(),
  /** Subject line the template renders (`event.subject`); the flow's own subject when absent. */
  subject: z.string().min(1).optional(),
  /** The experiment and variant this email belongs to, for Klaviyo's reporting and the template. */
  experiment: z.object({ id: z.string().min(1), variant: z.string().min(1) }).optional(),
  /** Value Klaviyo attributes to the event (decimal string, major units) and its currency. */
  value: decimal,
  currency: z
    .string()
    .trim()
    .transform((code) => code.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/)),
  /** When the journey decided to send (ISO 8601); defaults to now. */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
})

/** One recommendation email; see {@link recommendationSchema}. */
export type Recommendation = z.input<typeof recommendationSchema>

/** The store's consent rule: some stores (and jurisdictions) require an explicit opt-in. */
export interface ConsentPolicy {
  /** Require `consent == "SUBSCRIBED"`, not only `can_receive_email_marketing`. */
  requireExplicitOptIn: boolean
}

/** Why email marketing may or may not be sent to a profile. */
export type ConsentReason =
  'subscribed' | 'never-subscribed' | 'opt-in-required' | 'cannot-receive' | 'suppressed' | 'no-profile' | 'order-consent'

/** Whether a profile may receive a recommendation email, and Klaviyo's facts behind the answer. */
export interface EmailConsent {
  canSend: boolean
  reason: ConsentReason
  /** Klaviyo's consent state (`SUBSCRIBED`, `NEVER_SUBSCRIBED`, ...), `null` without a profile. */
  consent: string | null
  /** Suppression reasons (`HARD_BOUNCE`, `SPAM_COMPLAINT`, ...). */
  suppressions: string[]
}

/** Email engagement Klaviyo records itself and the journey branches on. */
export type EngagementKind = 'opened' | 'clicked'

/** Which engagement to read: a profile's events at or after `since` (ISO 8601). */
export interface EngagementQuery {
  profileId: string
  since: string
  kinds?: EngagementKind[]
}

/** One Opened Email or Clicked Email event. Opens are inflated by privacy proxies: prefer clicks. */
export interface EngagementEvent {
  id: string
  kind: EngagementKind
  /** ISO 8601, UTC. */
  at: string
  /** Klaviyo flow and message ids (`$flow`, `$message`), to tell our emails from others. */
  flowId?: string
  messageId?: string
  /** The link clicked, for clicks. */
  url?: string
}

/** A product for the Klaviyo catalog (the `$custom` integration, `$default` catalog). */
export const catalogProductSchema = z.object({
  externalId: z.string().min(1),
  title: z.string().min(1),
  description: z.string().default(''),
  url: z.url(),
  imageUrl: z.url().optional(),
  price: decimal,
  published: z.boolean().default(true),
})

/** A product for the Klaviyo catalog; see {@link catalogProductSchema}. */
export type CatalogProduct = z.input<typeof catalogProductSchema>

/** What a catalog sync started: Klaviyo processes bulk jobs asynchronously. */
export interface CatalogSyncResult {
  jobIds: string[]
  items: number
}

/**
 * Everything Crosswise asks of Klaviyo, in domain words. One instance talks to one store's account.
 * Failures are `KlaviyoError`s: `retryable` tells an activity whether to let Temporal retry.
 */
export interface KlaviyoGateway {
  /** Creates or updates the customer's profile; returns Klaviyo's profile id. Idempotent. */
  upsertProfile(customer: CustomerIdentity): Promise<{ profileId: string }>
  /** Sends one recommendation email (a metric event for the flow). Idempotent per `idempotencyKey`. */
  sendRecommendation(recommendation: Recommendation): Promise<void>
  /** Reads whether the address may receive marketing email under the store's policy. */
  readConsent(email: string, policy: ConsentPolicy): Promise<EmailConsent>
  /**
   * Reads the profile's opens and clicks of Crosswise's emails since a time, oldest first: only those
   * of the flows the recommendation metric triggers, never a newsletter's or another flow's.
   */
  readEngagement(query: EngagementQuery): Promise<EngagementEvent[]>
  /** Subscribes the address to email marketing: consent the store collected itself (at checkout, say). */
  subscribeEmail(email: string): Promise<void>
  /** Starts bulk jobs that create the products in the store's Klaviyo catalog. */
  syncCatalog(products: CatalogProduct[]): Promise<CatalogSyncResult>
}
