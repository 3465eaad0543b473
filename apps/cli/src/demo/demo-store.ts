import { randomBytes } from 'node:crypto'
import { importOrderHistory, upsertProduct, type Db, type HistoricalOrder } from '@crosswise/db'
import type { JourneyPolicy } from '@crosswise/domain'
import type { RecordedOrder } from '../replay/recorded-orders.ts'
import { recordedCatalogue } from '../replay/recorded-catalogue.ts'

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

const importBatch = 2_000

/** Imports the orders before the replay as the store's history, as `crosswise import orders` does. */
export async function importDemoHistory(db: Db, storeId: string, orders: readonly RecordedOrder[]): Promise<number> {
  let imported = 0
  for (let start = 0; start < orders.length; start += importBatch) {
    const batch: HistoricalOrder[] = orders.slice(start, start + importBatch).map((order) => ({
      orderId: order.orderId,
      customer: { id: order.customerId },
      currency: 'GBP',
      placedAt: new Date(order.placedAt),
      lineItems: order.lines.map((line) => ({ productId: line.productId, title: line.title, quantity: line.quantity, unitPrice: line.unitPrice.toFixed(2) })),
    }))
    imported += (await importOrderHistory(db, storeId, batch)).orders
  }
  return imported
}

/** Puts every product the data sold into the store's catalogue, with its page on the shop; returns how many. */
export async function importDemoCatalogue(db: Db, shop: DemoShop, orders: readonly RecordedOrder[]): Promise<number> {
  const catalogue = recordedCatalogue(orders)
  const updatedAt = new Date()
  for (let start = 0; start < catalogue.length; start += 50) {
    await Promise.all(
      catalogue.slice(start, start + 50).map((product) =>
        upsertProduct(db, shop.storeId, {
          productId: product.productId,
          title: product.title,
          price: product.price,
          currency: 'GBP',
          available: product.available,
          url: `https://${shop.shopDomain}/products/${product.handle}`,
          updatedAt,
        }),
      ),
    )
  }
  return catalogue.length
}
