import type { FakeEvent, FakeProfile } from './state.ts'

// JSON:API resources in the shapes Klaviyo's answers carry.

export function eventResource(event: FakeEvent, origin: string): unknown {
  return {
    type: 'event',
    id: event.id,
    attributes: {
      timestamp: Math.floor(event.datetime.getTime() / 1000),
      event_properties: event.properties,
      datetime: event.datetime.toISOString(),
      uuid: event.uuid,
    },
    relationships: {
      profile: { data: { type: 'profile', id: event.profileId }, links: relationshipLinks(origin, 'events', event.id, 'profile') },
      metric: { data: { type: 'metric', id: event.metricId }, links: relationshipLinks(origin, 'events', event.id, 'metric') },
    },
    links: { self: `${origin}/api/events/${event.id}` },
  }
}

export function profileResource(profile: FakeProfile, origin: string, withSubscriptions: boolean): unknown {
  const { marketing } = profile
  return {
    type: 'profile',
    id: profile.id,
    attributes: {
      email: profile.email,
      phone_number: profile.phoneNumber,
      external_id: profile.externalId,
      created: profile.created.toISOString(),
      updated: profile.updated.toISOString(),
      properties: profile.properties,
      ...(withSubscriptions
        ? {
            subscriptions: {
              email: {
                marketing: {
                  can_receive_email_marketing: marketing.canReceiveEmailMarketing,
                  consent: marketing.consent,
                  suppression: marketing.suppression.map((s) => ({ reason: s.reason, timestamp: s.timestamp.toISOString() })),
                  list_suppressions: [],
                },
              },
            },
          }
        : {}),
    },
    links: { self: `${origin}/api/profiles/${profile.id}` },
  }
}

export function catalogJobResource(
  job: { id: string; total: number; created: Date },
  origin: string,
  status: 'processing' | 'complete',
): unknown {
  return {
    type: 'catalog-item-bulk-create-job',
    id: job.id,
    attributes: {
      status,
      created_at: job.created.toISOString(),
      total_count: job.total,
      completed_count: status === 'complete' ? job.total : 0,
      failed_count: 0,
      completed_at: status === 'complete' ? new Date().toISOString() : null,
      errors: [],
      expires_at: new Date(job.created.getTime() + 7 * 86_400_000).toISOString(),
    },
    links: { self: `${origin}/api/catalog-item-bulk-create-jobs/${job.id}` },
  }
}

function relationshipLinks(origin: string, resource: string, id: string, relation: string): { self: string; related: string } {
  return { self: `${origin}/api/${resource}/${id}/relationships/${relation}`, related: `${origin}/api/${resource}/${id}/${relation}` }
}
