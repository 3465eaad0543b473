/** Klaviyo's rate-limit tiers, from the smallest to the largest allowance. */
export type RateTier = 'XS' | 'S' | 'M' | 'L' | 'XL'

/** An endpoint's allowance per account: requests per second (burst) and per minute (steady). */
export interface RateLimit {
  burstPerSecond: number
  steadyPerMinute: number
}

/**
 * Klaviyo's published tiers (revision 2026-07-15). L is published as 700 to 750 per minute depending on
 * the endpoint; we take 700 so one table is safe for all of them.
 */
export const klaviyoRateTiers: Readonly<Record<RateTier, RateLimit>> = {
  XS: { burstPerSecond: 1, steadyPerMinute: 15 },
  S: { burstPerSecond: 3, steadyPerMinute: 60 },
  M: { burstPerSecond: 10, steadyPerMinute: 150 },
  L: { burstPerSecond: 75, steadyPerMinute: 700 },
  XL: { burstPerSecond: 350, steadyPerMinute: 3500 },
}

// The endpoints this package calls and their tiers, as the spec's `x-klaviyo-ratelimit` gives them.
const endpointTiers: Readonly<Record<string, RateTier>> = {
  'POST /api/events': 'XL',
  'GET /api/events': 'XL',
  'POST /api/profile-import': 'L',
  'GET /api/profiles': 'L',
  'GET /api/metrics': 'M',
  'GET /api/metrics/{id}/relationships/flow-triggers': 'M',
  'POST /api/profile-subscription-bulk-create-jobs': 'L',
  'POST /api/catalog-item-bulk-create-jobs': 'L',
  'GET /api/catalog-item-bulk-create-jobs/{id}': 'L',
  'POST /api/templates': 'L',
  'POST /api/flows': 'XS',
}

/**
 * The endpoint a request URL hits, as `METHOD /api/resource[/{id}]`: the key Klaviyo counts limits by.
 * Ids after the resource are folded into `{id}` so every job or item shares one budget.
 */
export function endpointOf(method: string | undefined, url: string | undefined): string {
  const path = new URL(url ?? '/', 'http://klaviyo.invalid').pathname.replace(/\/+$/, '')
  const segments = path.split('/')
  if (segments.length > 3) segments[3] = '{id}'
  return `${(method ?? 'GET').toUpperCase()} ${segments.join('/')}`
}

/** The tier of an endpoint; an endpoint this package does not know gets XS, the safest guess. */
export function endpointTier(endpoint: string): RateTier {
  return endpointTiers[endpoint] ?? 'XS'
}
