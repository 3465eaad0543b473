import { ProfileEnum, ProfileSubscriptionBulkCreateJobEnum } from 'klaviyo-api'
import { z } from 'zod'
import { catalogCreateJobs } from './catalog.ts'
import { decideEmailConsent } from './consent.ts'
import { engagementFilter, engagementMetricNames, type SdkEvent, toEngagementEvent } from './engagement.ts'
import type { EngagementEvent, KlaviyoGateway } from './gateway.ts'
import { createKlaviyoClients, type KlaviyoConnection } from './klaviyo-clients.ts'
import { AccountLookup } from './account-lookup.ts'
import { findMetricId } from './flow-setup.ts'
import { nextPageCursor } from './pagination.ts'
import { defaultRecommendationMetric, profileIdentifiers, recommendationEventBody } from './recommendation-event.ts'

/** A Klaviyo gateway for one store: its connection plus what the journey's messages look like. */
export interface SdkGatewayOptions extends KlaviyoConnection {
  /** The custom metric the Crosswise flow is triggered by. Default `Crosswise Recommendation`. */
  metricName?: string
  /** Upper bound on event pages read per engagement kind (page size 200). Default 10. */
  maxEngagementPages?: number
}

// Klaviyo's own integration has a few dozen metrics; the bound only stops a misbehaving cursor.
const maxMetricPages = 50

const engagementQuerySchema = z.object({
  profileId: z.string().min(1),
  since: z.iso.datetime({ offset: true }),
  kinds: z
    .array(z.enum(['opened', 'clicked']))
    .min(1)
    .default(['opened', 'clicked']),
})

/**
 * The real {@link KlaviyoGateway}, over the official `klaviyo-api` SDK. Make one per store with that
 * store's API key; all of them share the process-wide pacer unless given another.
 */
export function createSdkGateway(options: SdkGatewayOptions): KlaviyoGateway {
  const clients = createKlaviyoClients(options)
  const metricName = options.metricName ?? defaultRecommendationMetric
  const maxPages = options.maxEngagementPages ?? 10

  const metricIds = new AccountLookup(async () => {
    const ids = new Map<string, string>()
    let cursor: string | undefined
    let pages = 0
    do {
      const { body } = await clients.metrics.getMetrics({
        filter: 'equals(integration.name,"Klaviyo")',
        fieldsMetric: ['name'],
        ...(cursor ? { pageCursor: cursor } : {}),
      })
      for (const metric of body.data) if (metric.attributes.name) ids.set(metric.attributes.name, metric.id)
      cursor = nextPageCursor(body.links)
      pages += 1
    } while (cursor && pages < maxMetricPages)
    return ids
  })
  // The flows that send our emails: those our metric triggers. Opens and clicks name theirs in `$flow`.
  const ownFlows = new AccountLookup(
    async () => {
      const metricId = await findMetricId(clients, metricName)
      if (!metricId) return new Map()
      const { body } = await clients.metrics.getIdsForFlowsTriggeredByMetric(metricId)
      return new Map(body.data.map((flow) => [flow.id, flow.id]))
    },
    { ttlMs: 3_600_000, missTtlMs: 60_000 },
  )

  return {
    async upsertProfile(customer) {
      const { body } = await clients.profiles.createOrUpdateProfile({
        data: { type: ProfileEnum.Profile, attributes: profileIdentifiers(customer) },
      })
      return { profileId: body.data.id ?? '' }
    },

    async sendRecommendation(recommendation) {
      await clients.events.createEvent(recommendationEventBody(recommendation, metricName))
    },

    async readConsent(email, policy) {
      const address = z.email().parse(email.trim().toLowerCase())
      const { body } = await clients.profiles.getProfiles({
        filter: `equals(email,${JSON.stringify(address)})`,
        additionalFieldsProfile: ['subscriptions'],
        pageSize: 1,
      })
      const marketing = body.data[0]?.attributes.subscriptions?.email?.marketing
      return decideEmailConsent(marketing, policy)
    },

    async readEngagement(query) {
      const { profileId, since, kinds } = engagementQuerySchema.parse(query)
      const events: EngagementEvent[] = []
      for (const kind of kinds) {
        const metricId = await metricIds.get(engagementMetricNames[kind])
        // An account that never had an email opened has no such metric yet: nothing to read.
        if (!metricId) continue
        let cursor: string | undefined
        let pages = 0
        do {
          const { body } = await clients.events.getEvents({
            filter: engagementFilter(metricId, profileId, new Date(since)),
            fieldsEvent: ['datetime', 'event_properties'],
            sort: 'datetime',
            pageSize: 200,
            ...(cursor ? { pageCursor: cursor } : {}),
          })
          for (const event of body.data as SdkEvent[]) {
            const engagement = toEngagementEvent(kind, event)
            // A newsletter (no `$flow`) or another flow's email is not ours to branch on.
            if (engagement.flowId && (await ownFlows.get(engagement.flowId))) events.push(engagement)
          }
          cursor = nextPageCursor(body.links)
          pages += 1
        } while (cursor && pages < maxPages)
      }
      return events.sort((a, b) => a.at.localeCompare(b.at))
    },

    async subscribeEmail(email) {
      const address = z.email().parse(email.trim().toLowerCase())
      await clients.profiles.bulkSubscribeProfiles({
        data: {
          type: ProfileSubscriptionBulkCreateJobEnum.ProfileSubscriptionBulkCreateJob,
          attributes: {
            customSource: 'Crosswise: consent given with an order',
            profiles: {
              data: [
                {
                  type: ProfileEnum.Profile,
                  attributes: { email: address, subscriptions: { email: { marketing: { consent: 'SUBSCRIBED' } } } },
                },
              ],
            },
          },
        },
      })
    },

    async syncCatalog(products) {
      const jobIds: string[] = []
      for (const job of catalogCreateJobs(products)) {
        const { body } = await clients.catalogs.bulkCreateCatalogItems(job)
        jobIds.push(body.data.id)
      }
      return { jobIds, items: products.length }
    },
  }
}
