import { randomBytes } from 'node:crypto'
import type { JourneyPolicy } from '@crosswise/domain'

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

/** Creates the demo store through the admin API, as a store owner would; returns its API token. */
export async function createDemoStore(apiUrl: string, adminToken: string, shop: DemoShop, policy: JourneyPolicy): Promise<void> {
  const response = await fetch(`${apiUrl}/v1/admin/stores`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: shop.storeId,
      name: 'Demo gift shop (Online Retail data)',
      currency: 'GBP',
      timeZone: 'Europe/London',
      shopify: { domain: shop.shopDomain, webhookSecret: shop.secret },
      policy,
    }),
    signal: AbortSignal.timeout(10_000),
  })
  if (response.status !== 201) throw new Error(`creating the demo store failed: ${response.status} ${await response.text()}`)
}
