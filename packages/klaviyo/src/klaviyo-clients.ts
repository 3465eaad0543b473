import { createHash } from 'node:crypto'
import { ApiKeySession, CatalogsApi, EventsApi, FlowsApi, MetricsApi, ProfilesApi, TemplatesApi } from 'klaviyo-api'
import { PacedTransport } from './paced-transport.ts'
import { type KlaviyoPacer, sharedKlaviyoPacer } from './pacing.ts'

/** How to reach one store's Klaviyo account. */
export interface KlaviyoConnection {
  /** The store's private API key (`pk_...`). */
  apiKey: string
  /** Identity of the account in the pacer; defaults to a hash of the key. Stores sharing an account share limits. */
  account?: string
  /** Defaults to the process-wide {@link sharedKlaviyoPacer}. */
  pacer?: KlaviyoPacer
  /** Longest one HTTP exchange may take. Default 10 s. */
  timeoutMs?: number
  /** Longest total `Retry-After` one call waits out before failing retryably. Default 10 s. */
  maxRetryAfterWaitMs?: number
  /** Klaviyo's origin; a fake server's URL in tests. Default `https://a.klaviyo.com`. */
  basePath?: string
}

/** The SDK's API objects for one account, all behind the same paced, time-limited transport. */
export interface KlaviyoClients {
  events: EventsApi
  profiles: ProfilesApi
  metrics: MetricsApi
  catalogs: CatalogsApi
  templates: TemplatesApi
  flows: FlowsApi
}

/** Builds the SDK clients for one account (per-store API key). */
export function createKlaviyoClients(connection: KlaviyoConnection): KlaviyoClients {
  const transport = new PacedTransport({
    pacer: connection.pacer ?? sharedKlaviyoPacer(),
    // Never the raw key: pacer keys show up in heap dumps and debug output.
    account: connection.account ?? createHash('sha256').update(connection.apiKey).digest('hex').slice(0, 16),
    timeoutMs: connection.timeoutMs ?? 10_000,
    maxRetryAfterWaitMs: connection.maxRetryAfterWaitMs ?? 10_000,
  })
  const session = new ApiKeySession(connection.apiKey, transport)
  const withBase = <T extends { basePath: string }>(api: T): T => {
    if (connection.basePath) api.basePath = connection.basePath.replace(/\/+$/, '')
    return api
  }
  return {
    events: withBase(new EventsApi(session)),
    profiles: withBase(new ProfilesApi(session)),
    metrics: withBase(new MetricsApi(session)),
    catalogs: withBase(new CatalogsApi(session)),
    templates: withBase(new TemplatesApi(session)),
    flows: withBase(new FlowsApi(session)),
  }
}
