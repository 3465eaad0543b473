// Shopify ids are integers up to 2^63 that Shopify writes as bare JSON numbers; part of a replay's
// orders get ids above 2^53 so that everything downstream must keep them exact.
const above2To53 = 9_007_199_254_740_993n

/** The Shopify order id of a recorded order: its own number, or (when `big`) one above 2^53. */
export function shopifyOrderId(orderId: string, big: boolean): string {
  const digits = orderId.replace(/\D/g, '') || '0'
  return big ? String(above2To53 + BigInt(digits)) : digits
}

/** The id of a line of an order (line numbers from 1), unique across the replay. */
export function shopifyLineId(shopifyOrder: string, line: number): string {
  return String(BigInt(shopifyOrder) * 1_000n + BigInt(line))
}

/** The id of an order's fulfilment, unique across the replay. */
export function shopifyFulfillmentId(shopifyOrder: string): string {
  return String(BigInt(shopifyOrder) * 10n + 7n)
}

/** The email a replayed customer orders with: reserved for examples, so nothing can ever reach a person. */
export function replayEmail(customerId: string): string {
  return `customer-${customerId.toLowerCase().replace(/[^a-z0-9-]/g, '')}@online-retail.example`
}
