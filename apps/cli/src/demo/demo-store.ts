import { randomBytes } from 'node:crypto'
import type { ExperimentInput, JourneyPolicy } from '@crosswise/domain'

/** The demo's shop: a Shopify store that sells the Online Retail catalogue in pounds. */
export interface DemoShop {
  storeId: string
  shopDomain: string
  /** The app secret its webhooks are signed with, made anew for each demo. */
  secret: string
}

export function demoShop(): DemoShop {
  return { storeId: 'demo', shopDomain: 'crosswise-demo.myshopify.com', secret: `shpss_${randomBytes(16).toString('hex')}` }
}

/** The demo store's experiment: does a thank-you code in a grid of three sell more than the pick alone? */
export const demoExperiment: ExperimentInput = {
  id: 'thank-you-grid',
  name: 'The pick alone, or a grid of three with 10 % off',
  variants: [
    { id: 'control', layout: { kind: 'single' } },
    { id: 'grid-ten-off', layout: { kind: 'grid', size: 3 }, offer: { kind: 'code', code: 'THANKS10', percentOff: 10 } },
  ],
  minimumSendsPerVariant: 50,
}

async function adminPost(apiUrl: string, adminToken: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  if (response.status !== 201) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`)
  return response.json()
}

/** Creates the demo store through the admin API, as a store owner would, and starts its experiment. */
export async function createDemoStore(apiUrl: string, adminToken: string, shop: DemoShop, policy: JourneyPolicy): Promise<void> {
  await adminPost(apiUrl, adminToken, '/v1/admin/stores', {
    id: shop.storeId,
    name: 'Demo gift shop (Online Retail data)',
    currency: 'GBP',
    timeZone: 'Europe/London',
    shopify: { domain: shop.shopDomain, webhookSecret: shop.secret },
    policy,
  })
  await adminPost(apiUrl, adminToken, `/v1/admin/stores/${shop.storeId}/experiments`, demoExperiment)
}

/**
 * The monthly pairing review, run once the replay is over (as `crosswise review` does), so the demo's
 * report has a review to show; returns how many pairings it read.
 */
export async function reviewDemoPairings(apiUrl: string, adminToken: string, shop: DemoShop): Promise<number> {
  const review = (await adminPost(apiUrl, adminToken, `/v1/admin/stores/${shop.storeId}/pairing-reviews`, {})) as { entries: unknown[] }
  return review.entries.length
}
