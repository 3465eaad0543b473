import { randomUUID } from 'node:crypto'

/** Email marketing subscription of a fake profile, as `subscriptions.email.marketing` reports it. */
export interface FakeEmailMarketing {
  canReceiveEmailMarketing: boolean
  /** Klaviyo's consent state: `SUBSCRIBED`, `UNSUBSCRIBED` or `NEVER_SUBSCRIBED`. */
  consent: 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'NEVER_SUBSCRIBED'
  suppression: { reason: 'HARD_BOUNCE' | 'INVALID_EMAIL' | 'SPAM_COMPLAINT' | 'UNSUBSCRIBE' | 'USER_SUPPRESSED'; timestamp: Date }[]
}

/** A profile held by the fake. */
export interface FakeProfile {
  id: string
  email: string | null
  externalId: string | null
  phoneNumber: string | null
  properties: Record<string, unknown>
  created: Date
  updated: Date
  marketing: FakeEmailMarketing
}

/** A metric held by the fake: Klaviyo's own (integration "Klaviyo") or a custom one from the API. */
export interface FakeMetric {
  id: string
  name: string
  integration: { object: 'integration'; id: string; name: string; category: string }
  created: Date
}

/** An event held by the fake, after deduplication. */
export interface FakeEvent {
  id: string
  uuid: string
  profileId: string
  metricId: string
  metricName: string
  datetime: Date
  properties: Record<string, unknown>
  uniqueId: string | null
  value: number | null
  valueCurrency: string | null
}

/** Identifiers a request may carry for a profile; Klaviyo matches on id, then email, then external id. */
export interface ProfileIdentifiers {
  id?: string | null | undefined
  email?: string | null | undefined
  externalId?: string | null | undefined
  phoneNumber?: string | null | undefined
  properties?: Record<string, unknown> | null | undefined
}

/** Thrown when identifiers point at two different profiles; Klaviyo answers 409 `duplicate_profile`. */
export class DuplicateProfileError extends Error {
  override name = 'DuplicateProfileError'
  constructor(readonly existingId: string) {
    super(`A profile already exists with one of these identifiers (id ${existingId}).`)
  }
}

const klaviyoIntegration = { object: 'integration', id: '0rG4eQ', name: 'Klaviyo', category: 'Internal' } as const
const apiIntegration = { object: 'integration', id: '7FtS4J', name: 'API', category: 'API' } as const

/** The metrics Klaviyo itself records for email; engagement read-back looks them up by name. */
export const klaviyoEmailMetrics = ['Received Email', 'Opened Email', 'Clicked Email', 'Bounced Email', 'Unsubscribed'] as const

/**
 * The live flow a store set up for Crosswise, as the fake's accounts have it unless told otherwise:
 * triggered by the recommendation metric, and the `$flow` of the opens and clicks its emails get.
 */
export const crosswiseFlow = { id: 'XyZfLw', name: 'Crosswise cross-sell', metricName: 'Crosswise Recommendation' } as const

/** An email marketing message that is not Crosswise's: a newsletter campaign has a `$message` and no `$flow`. */
export const newsletterCampaign = { messageId: 'Nws01c' } as const

/** Everything the fake remembers between requests: profiles, metrics, events, templates, flows, catalog. */
export class FakeKlaviyoState {
  readonly profiles = new Map<string, FakeProfile>()
  readonly metrics: FakeMetric[] = []
  readonly events: FakeEvent[] = []
  readonly templates = new Map<string, { id: string; name: string; html: string; created: Date }>()
  readonly flows = new Map<string, { id: string; name: string; definition: Record<string, unknown>; created: Date }>()
  readonly catalogItems = new Map<string, Record<string, unknown>>()
  readonly catalogJobs = new Map<string, { id: string; total: number; created: Date }>()
  /** Requests for a (profile, metric, key) already seen: Klaviyo keeps only the first. */
  private readonly eventKeys = new Set<string>()

  constructor(options: { crosswiseFlow?: boolean } = {}) {
    for (const name of klaviyoEmailMetrics) this.metric(name, klaviyoIntegration)
    if (options.crosswiseFlow !== false) {
      const trigger = this.metric(crosswiseFlow.metricName)
      this.flows.set(crosswiseFlow.id, {
        id: crosswiseFlow.id,
        name: crosswiseFlow.name,
        definition: { triggers: [{ type: 'metric', id: trigger.id }] },
        created: new Date(),
      })
    }
  }

  /** The flows a metric triggers (`GET /api/metrics/{id}/relationships/flow-triggers`). */
  flowsTriggeredBy(metricId: string): string[] {
    const triggers = (definition: Record<string, unknown>) =>
      Array.isArray(definition['triggers']) ? (definition['triggers'] as { type?: unknown; id?: unknown }[]) : []
    return [...this.flows.values()]
      .filter((flow) => triggers(flow.definition).some((trigger) => trigger.type === 'metric' && trigger.id === metricId))
      .map((flow) => flow.id)
  }

  /** Subscribes an address to email marketing, creating its profile if needed (a bulk subscription job). */
  subscribeEmail(email: string): FakeProfile {
    const { profile } = this.upsertProfile({ email })
    // Explicit consent clears an earlier unsubscribe, not a bounce or a spam complaint.
    const suppression = profile.marketing.suppression.filter((s) => s.reason !== 'UNSUBSCRIBE')
    profile.marketing = { canReceiveEmailMarketing: suppression.length === 0, consent: 'SUBSCRIBED', suppression }
    return profile
  }

  /** Returns the metric with this name and integration, creating it as Klaviyo does on first use. */
  metric(name: string, integration: FakeMetric['integration'] = apiIntegration): FakeMetric {
    const found = this.metrics.find((m) => m.name === name && m.integration.id === integration.id)
    if (found) return found
    const created: FakeMetric = { id: shortId(), name, integration: { ...integration }, created: new Date() }
    this.metrics.push(created)
    return created
  }

  /** Finds the profile the identifiers name, checking that they do not name two profiles. */
  findProfile(ids: ProfileIdentifiers): FakeProfile | undefined {
    const byId = ids.id ? this.profiles.get(ids.id) : undefined
    const all = [...this.profiles.values()]
    const byEmail = ids.email ? all.find((p) => p.email === ids.email!.toLowerCase()) : undefined
    const byExternal = ids.externalId ? all.find((p) => p.externalId === ids.externalId) : undefined
    const matches = [...new Set([byId, byEmail, byExternal].filter((p): p is FakeProfile => p !== undefined))]
    if (matches.length > 1 && !byId) throw new DuplicateProfileError(matches[1]!.id)
    return matches[0]
  }

  /** Creates or updates a profile; `created` tells which (201 or 200 on the wire). */
  upsertProfile(ids: ProfileIdentifiers): { profile: FakeProfile; created: boolean } {
    const existing = this.findProfile(ids)
    const now = new Date()
    if (existing) {
      if (ids.email) existing.email = ids.email.toLowerCase()
      if (ids.externalId) existing.externalId = ids.externalId
      if (ids.phoneNumber) existing.phoneNumber = ids.phoneNumber
      if (ids.properties) Object.assign(existing.properties, ids.properties)
      existing.updated = now
      return { profile: existing, created: false }
    }
    const profile: FakeProfile = {
      id: ids.id ?? shortId(26),
      email: ids.email?.toLowerCase() ?? null,
      externalId: ids.externalId ?? null,
      phoneNumber: ids.phoneNumber ?? null,
      properties: { ...(ids.properties ?? {}) },
      created: now,
      updated: now,
      // A profile created through the API has never opted in, yet Klaviyo lets it receive marketing.
      marketing: { canReceiveEmailMarketing: true, consent: 'NEVER_SUBSCRIBED', suppression: [] },
    }
    this.profiles.set(profile.id, profile)
    return { profile, created: true }
  }

  /**
   * Records an event unless one with the same (profile, metric, unique id) exists; without a unique
   * id Klaviyo's key is the event time to the second, which silently merges same-second events.
   */
  recordEvent(input: {
    profile: ProfileIdentifiers
    metricName: string
    metricIntegration?: FakeMetric['integration']
    properties: Record<string, unknown>
    time?: Date | null
    uniqueId?: string | null
    value?: number | null
    valueCurrency?: string | null
  }): { recorded: boolean; event: FakeEvent | undefined } {
    const { profile } = this.upsertProfile(input.profile)
    const metric = this.metric(input.metricName, input.metricIntegration)
    const datetime = input.time ?? new Date()
    const key = `${profile.id}|${metric.id}|${input.uniqueId ?? Math.floor(datetime.getTime() / 1000)}`
    if (this.eventKeys.has(key)) {
      return { recorded: false, event: undefined }
    }
    this.eventKeys.add(key)
    const event: FakeEvent = {
      id: shortId(),
      uuid: randomUUID(),
      profileId: profile.id,
      metricId: metric.id,
      metricName: metric.name,
      datetime,
      properties: { ...input.properties },
      uniqueId: input.uniqueId ?? null,
      value: input.value ?? null,
      valueCurrency: input.valueCurrency ?? null,
    }
    this.events.push(event)
    return { recorded: true, event }
  }

  /**
   * Changes a profile's email marketing subscription (creating the profile if needed): a suppression
   * also clears `can_receive_email_marketing`, as Klaviyo does.
   */
  updateEmailMarketing(ids: ProfileIdentifiers, patch: Partial<FakeEmailMarketing>): FakeProfile {
    const { profile } = this.upsertProfile(ids)
    Object.assign(profile.marketing, patch)
    if (patch.suppression && patch.suppression.length > 0 && patch.canReceiveEmailMarketing === undefined) {
      profile.marketing.canReceiveEmailMarketing = false
    }
    return profile
  }

  /**
   * Records Klaviyo-side email engagement ("Opened Email" / "Clicked Email") for a profile: by default
   * with an email of the Crosswise flow; `flowId: null` makes it a campaign's (a newsletter).
   */
  recordEngagement(input: {
    profile: ProfileIdentifiers
    kind: 'opened' | 'clicked'
    at?: Date
    flowId?: string | null
    messageId?: string
    url?: string
  }): FakeEvent {
    const name = input.kind === 'opened' ? 'Opened Email' : 'Clicked Email'
    const properties: Record<string, unknown> = {
      ...(input.flowId === null ? {} : { $flow: input.flowId ?? crosswiseFlow.id }),
      $message: input.messageId ?? (input.flowId === null ? newsletterCampaign.messageId : 'Mx2ab9'),
      Subject: 'You might also like',
      ...(input.kind === 'clicked' ? { URL: input.url ?? 'https://shop.example/products/recommended' } : {}),
    }
    const result = this.recordEvent({
      profile: input.profile,
      metricName: name,
      metricIntegration: klaviyoIntegration,
      properties,
      time: input.at ?? new Date(),
      uniqueId: randomUUID(),
    })
    return result.event!
  }
}

/** Klaviyo ids are short base-62 strings; these only need to be unique within one fake. */
function shortId(length = 6): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let out = ''
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(Math.random() * alphabet.length)]
  return out
}
