import { ApiKeyCipher } from '../api-key-cipher.ts'

/**
 * A store's Shopify webhook secret as its stored form holds it: sealed (or marked plain) like the
 * stores' API keys, or, for a row written before secrets were sealed, as it was given. Throws
 * `ApiKeyCipherError` when a sealed secret does not open under this cipher.
 */
export function openWebhookSecret(cipher: ApiKeyCipher, storeId: string, stored: string): string {
  return ApiKeyCipher.isStoredForm(stored) ? cipher.open(storeId, stored) : stored
}
