import { saveManualPairings, type Db } from '@crosswise/db'
import { storeRequest } from './test-stack.ts'

const second = 1000

/** A journey policy without waits: it runs in seconds, always inside the send window, nobody held out. */
export function quickPolicy(overrides: Record<string, unknown> = {}) {
  return {
    delayMs: { 'first-time': 0, repeat: 0, vip: 0 },
    sendWindow: { startHour: 0, endHour: 24 },
    frequencyCap: { maxEmails: 100, windowMs: second, minGapMs: 0 },
    holdoutShare: 0,
    engagement: { waitMs: 0, followUpDelayMs: 0, pollIntervalMs: second, onNotOpened: 'end' },
    ...overrides,
  }
}

/** Puts `p1` (bought) and `p2` (its manual pairing) in the store's catalogue. */
export async function givenCatalogue(apiUrl: string, db: Db, storeId: string): Promise<void> {
  for (const [productId, title] of [
    ['p1', 'Kettle'],
    ['p2', 'Tea'],
  ] as const) {
    const response = await storeRequest(apiUrl, storeId, 'products', {
      productId,
      title,
      category: 'kitchen',
      price: '12.50',
      currency: 'EUR',
      url: `https://shop.example/products/${productId}`,
      updatedAt: new Date().toISOString(),
    })
    if (response.status >= 300) throw new Error(`product ${productId}: ${response.status} ${await response.text()}`)
  }
  await saveManualPairings(db, storeId, [{ triggerProductId: 'p1', recommendedProductId: 'p2', priority: 1 }])
}
