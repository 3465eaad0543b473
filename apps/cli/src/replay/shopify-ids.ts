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

const letterCode = (letter: string): number => {
  const code = letter.charCodeAt(0)
  return code >= 97 ? code - 97 + 27 : code - 65 + 1
}

/**
 * The numeric Shopify product id a shop would give a product the history names by stock code:
 * Shopify's ids are integers, Online Retail's codes are five digits and up to two letters (case
 * matters: `15056bl` and `15056BL` are two products). The digits times 10,000 plus the letters in base
 * 53 keeps every code apart; an id that is a number already stays as it is.
 */
export function shopifyProductId(code: string): string {
  if (/^\d+$/.test(code)) return code
  const match = /^(\d+)([A-Za-z]{1,2})$/.exec(code)
  if (!match) throw new Error(`product code ${code} has no Shopify id: expected digits and up to two letters`)
  const [, digits, letters] = match as unknown as [string, string, string]
  const suffix = [...letters].reduce((sum, letter) => sum * 53 + letterCode(letter), 0)
  return String(BigInt(digits) * 10_000n + BigInt(suffix))
}

/** A history as a Shopify shop would have recorded it: every product by its numeric id. */
export function withShopifyProductIds<T extends { lines: Array<{ productId: string }> }>(orders: readonly T[]): T[] {
  return orders.map((order) => ({ ...order, lines: order.lines.map((line) => ({ ...line, productId: shopifyProductId(line.productId) })) }))
}
