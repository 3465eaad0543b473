import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Whether `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body under the app secret.
 * Computed over the bytes as received (never a re-serialised parse) and compared in constant time.
 */
export function isShopifySignatureValid(rawBody: Buffer, secret: string, signature: string | undefined): boolean {
  // Exactly the 44 characters of a base64 SHA-256: Node's decoder would skip stray characters.
  if (!signature || !/^[A-Za-z0-9+/]{43}=$/.test(signature)) return false
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  const given = Buffer.from(signature, 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Signs a body as Shopify does; for tests, fixtures and the benchmark. */
export function signShopifyBody(rawBody: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64')
}
