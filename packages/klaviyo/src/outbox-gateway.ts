import { decideEmailConsent } from './consent.ts'
import { customerIdentitySchema, type EngagementEvent, type EngagementKind, type KlaviyoGateway } from './gateway.ts'
import { defaultRecommendationMetric, klaviyoExternalId, recommendationEventBody } from './recommendation-event.ts'

/** One event as the dry run records it: the exact `POST /api/events` body, under its `unique_id`. */
export interface OutboxEntry {
  uniqueId: string
  storeId: string
  customerId: string
  /** The dry run's profile id: our external id `crosswise:{storeId}:{customerId}`. */
  profileId: string
  metric: string
  body: Record<string, unknown>
}

/**
 * Where a dry-run gateway keeps what it would have sent, and reads what customers did with it. The
 * worker implements it over PostgreSQL; this package stays free of database code.
 */
export interface OutboxStore {
  /** Records an event; a second one with the same `uniqueId` is ignored, as Klaviyo ignores it. */
  write(entry: OutboxEntry): Promise<void>
  /** Opens and clicks recorded for a profile's dry-run emails at or after a moment. */
  readEngagement(profileId: string, since: Date): Promise<Array<{ id: string; kind: EngagementKind; at: Date }>>
  /** The store's own marketing consent for an address: true, false, null (unknown) or no customer. */
  readAcceptsMarketing(email: string): Promise<boolean | null | undefined>
}

/** Options of {@link createOutboxGateway}. */
export interface OutboxGatewayOptions {
  /** The custom metric name written into events. Default `Crosswise Recommendation`. */
  metricName?: string
}

/**
 * The dry-run {@link KlaviyoGateway}: the default for a store without a Klaviyo key. It writes the exact
 * event the SDK gateway would create into an outbox, answers consent from the store's own data, and
 * reads engagement recorded by hand (the admin API), so every journey branch can be exercised.
 */
export function createOutboxGateway(store: OutboxStore, options: OutboxGatewayOptions = {}): KlaviyoGateway {
  const metricName = options.metricName ?? defaultRecommendationMetric
  return {
    async upsertProfile(customer) {
      return { profileId: klaviyoExternalId(customerIdentitySchema.parse(customer)) }
    },

    async sendRecommendation(recommendation) {
      const body = recommendationEventBody(recommendation, metricName)
      const customer = customerIdentitySchema.parse(recommendation.customer)
      await store.write({
        uniqueId: recommendation.idempotencyKey,
        storeId: customer.storeId,
        customerId: customer.customerId,
        profileId: klaviyoExternalId(customer),
        metric: metricName,
        // A plain JSON copy: what would travel over the wire, dates as ISO strings.
        body: JSON.parse(JSON.stringify(body)) as Record<string, unknown>,
      })
    },

    async readConsent(email, policy) {
      const accepts = await store.readAcceptsMarketing(email.trim().toLowerCase())
      if (accepts === undefined) return decideEmailConsent(undefined, policy)
      // The platform's flag in Klaviyo's terms: unknown is a purchaser who never opted in.
      const consent = accepts === true ? 'SUBSCRIBED' : accepts === false ? 'UNSUBSCRIBED' : 'NEVER_SUBSCRIBED'
      return decideEmailConsent({ canReceiveEmailMarketing: accepts !== false, consent, suppression: [] }, policy)
    },

    async readEngagement(query) {
      const kinds = query.kinds ?? ['opened', 'clicked']
      const recorded = await store.readEngagement(query.profileId, new Date(query.since))
      return recorded
        .filter((event) => kinds.includes(event.kind))
        .map((event): EngagementEvent => ({ id: event.id, kind: event.kind, at: event.at.toISOString() }))
        .sort((a, b) => a.at.localeCompare(b.at))
    },

    async subscribeEmail() {
      // The dry run's consent is the store's own record already: there is no profile to write it to.
    },

    async syncCatalog(products) {
      // Nothing to sync without an account; the count says what would have been sent.
      return { jobIds: [], items: products.length }
    },
  }
}
