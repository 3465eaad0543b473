import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { FilterCondition } from './filter.ts'
import { eventMatches, metricMatches, page, profileMatches } from './list-queries.ts'
import { catalogJobResource, eventResource, profileResource } from './resources.ts'
import type { FakeKlaviyoState } from './state.ts'

/** What a handler answers: a status and, unless it is a 202 without content, a JSON:API document. */
export interface HandlerResult {
  status: number
  body?: unknown
}

/** One request after authentication and spec validation. */
export interface HandlerRequest {
  params: Record<string, string>
  query: URLSearchParams
  filter: FilterCondition[]
  body: unknown
  /** `http://127.0.0.1:port`, for the `links` Klaviyo puts in every answer. */
  origin: string
}

// The spec has validated the shapes already; zod narrows them to the fields the fake uses.
const profileAttributes = z.object({
  email: z.string().nullish(),
  external_id: z.string().nullish(),
  phone_number: z.string().nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
})
const eventBody = z.object({
  data: z.object({
    attributes: z.object({
      properties: z.record(z.string(), z.unknown()),
      time: z.string().nullish(),
      value: z.number().nullish(),
      value_currency: z.string().nullish(),
      unique_id: z.string().nullish(),
      metric: z.object({ data: z.object({ attributes: z.object({ name: z.string() }) }) }),
      profile: z.object({ data: z.object({ id: z.string().nullish(), attributes: profileAttributes }) }),
    }),
  }),
})
const profileBody = z.object({ data: z.object({ id: z.string().nullish(), attributes: profileAttributes }) })
const templateBody = z.object({ data: z.object({ attributes: z.object({ name: z.string(), html: z.string().nullish() }) }) })
const flowBody = z.object({ data: z.object({ attributes: z.object({ name: z.string(), definition: z.record(z.string(), z.unknown()) }) }) })
const subscriptionJobBody = z.object({
  data: z.object({
    attributes: z.object({
      profiles: z.object({ data: z.array(z.object({ attributes: z.object({ email: z.string().nullish() }) })) }),
    }),
  }),
})
const catalogJobBody = z.object({
  data: z.object({
    attributes: z.object({
      items: z.object({ data: z.array(z.object({ attributes: z.object({ external_id: z.string() }).loose() })) }),
    }),
  }),
})

/** Serves one spec operation from the fake's state. */
export type Handler = (state: FakeKlaviyoState, request: HandlerRequest) => HandlerResult

/** The fake's operations by `operationId`. */
export const handlers: Record<string, Handler> = {
  create_event(state, { body }) {
    const { attributes } = eventBody.parse(body).data
    const who = attributes.profile.data
    state.recordEvent({
      profile: {
        id: who.id,
        email: who.attributes.email,
        externalId: who.attributes.external_id,
        phoneNumber: who.attributes.phone_number,
      },
      metricName: attributes.metric.data.attributes.name,
      properties: attributes.properties,
      time: attributes.time ? new Date(attributes.time) : null,
      uniqueId: attributes.unique_id,
      value: attributes.value,
      valueCurrency: attributes.value_currency,
    })
    return { status: 202 }
  },

  get_events(state, { query, filter, origin }) {
    let events = state.events.filter((event) => filter.every((condition) => eventMatches(event, condition)))
    const sort = query.get('sort') ?? 'datetime'
    const direction = sort.startsWith('-') ? -1 : 1
    events = [...events].sort((a, b) => direction * (a.datetime.getTime() - b.datetime.getTime()))
    return page(events, query, 200, origin, '/api/events', (event) => eventResource(event, origin))
  },

  create_or_update_profile(state, { body, query, origin }) {
    const { data } = profileBody.parse(body)
    const { profile, created } = state.upsertProfile({
      id: data.id,
      email: data.attributes.email,
      externalId: data.attributes.external_id,
      phoneNumber: data.attributes.phone_number,
      properties: data.attributes.properties,
    })
    const withSubscriptions = (query.get('additional-fields[profile]') ?? '').split(',').includes('subscriptions')
    return {
      status: created ? 201 : 200,
      body: { data: profileResource(profile, origin, withSubscriptions), links: { self: `${origin}/api/profile-import` } },
    }
  },

  get_profiles(state, { query, filter, origin }) {
    const profiles = [...state.profiles.values()].filter((profile) => filter.every((c) => profileMatches(profile, c)))
    const withSubscriptions = (query.get('additional-fields[profile]') ?? '').split(',').includes('subscriptions')
    return page(profiles, query, 20, origin, '/api/profiles', (p) => profileResource(p, origin, withSubscriptions))
  },

  get_metrics(state, { query, filter, origin }) {
    const metrics = state.metrics.filter((metric) => filter.every((c) => metricMatches(metric, c)))
    // Klaviyo pages metrics at a fixed size; a small page makes clients prove they follow `next`.
    return page(metrics, query, 2, origin, '/api/metrics', (metric) => ({
      type: 'metric',
      id: metric.id,
      attributes: {
        name: metric.name,
        created: metric.created.toISOString(),
        updated: metric.created.toISOString(),
        integration: metric.integration,
      },
      links: { self: `${origin}/api/metrics/${metric.id}` },
    }))
  },

  get_ids_for_flows_triggered_by_metric(state, { params, origin }) {
    const metricId = params.id ?? ''
    if (!state.metrics.some((metric) => metric.id === metricId)) return notFound(`A metric with id ${metricId} was not found.`)
    return {
      status: 200,
      body: {
        data: state.flowsTriggeredBy(metricId).map((id) => ({ type: 'flow', id })),
        links: { self: `${origin}/api/metrics/${metricId}/relationships/flow-triggers` },
      },
    }
  },

  bulk_subscribe_profiles(state, { body }) {
    // Klaviyo runs the job later; the fake applies it at once. Profiles given by phone only are not email consent.
    for (const profile of subscriptionJobBody.parse(body).data.attributes.profiles.data)
      if (profile.attributes.email) state.subscribeEmail(profile.attributes.email)
    return { status: 202 }
  },

  create_template(state, { body, origin }) {
    const { attributes } = templateBody.parse(body).data
    const template = { id: randomUUID().slice(0, 6), name: attributes.name, html: attributes.html ?? '', created: new Date() }
    state.templates.set(template.id, template)
    const stamp = template.created.toISOString()
    return {
      status: 201,
      body: {
        data: {
          type: 'template',
          id: template.id,
          attributes: {
            name: template.name,
            editor_type: 'CODE',
            html: template.html,
            text: null,
            amp: null,
            created: stamp,
            updated: stamp,
          },
          links: { self: `${origin}/api/templates/${template.id}` },
        },
      },
    }
  },

  create_flow(state, { body, origin }) {
    const { attributes } = flowBody.parse(body).data
    const flow = { id: randomUUID().slice(0, 6), name: attributes.name, definition: attributes.definition, created: new Date() }
    state.flows.set(flow.id, flow)
    const stamp = flow.created.toISOString()
    return {
      status: 201,
      body: {
        data: {
          type: 'flow',
          id: flow.id,
          // Klaviyo creates every flow by API as a draft; a person sets it live.
          attributes: { name: flow.name, status: 'draft', archived: false, created: stamp, updated: stamp, trigger_type: 'Metric' },
          links: { self: `${origin}/api/flows/${flow.id}` },
        },
      },
    }
  },

  bulk_create_catalog_items(state, { body, origin }) {
    const items = catalogJobBody.parse(body).data.attributes.items.data
    for (const item of items) state.catalogItems.set(item.attributes.external_id, item.attributes)
    const job = { id: randomUUID(), total: items.length, created: new Date() }
    state.catalogJobs.set(job.id, job)
    return { status: 202, body: { data: catalogJobResource(job, origin, 'processing') } }
  },

  get_bulk_create_catalog_items_job(state, { params, origin }) {
    const job = state.catalogJobs.get(params.job_id ?? '')
    if (!job) return notFound(`A job with id ${params.job_id} was not found.`)
    return { status: 200, body: { data: catalogJobResource(job, origin, 'complete') } }
  },
}

/** A JSON:API 404 as Klaviyo sends it. */
export function notFound(detail: string): HandlerResult {
  return { status: 404, body: { errors: [{ id: randomUUID(), status: 404, code: 'not_found', title: 'Not found.', detail }] } }
}
