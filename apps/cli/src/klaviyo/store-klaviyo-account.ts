import { ApiKeyCipher, ApiKeyCipherError, createDatabase, getStore, loadKlaviyoAccount, type KlaviyoAccount } from '@crosswise/db'

/** Why a store's own Klaviyo account cannot be used: a sentence for the person at the terminal. */
export class StoreKlaviyoAccountError extends Error {
  override name = 'StoreKlaviyoAccountError'
}

/**
 * The Klaviyo account a store keeps in PostgreSQL (set through the admin API), its key opened with
 * `CROSSWISE_PAYLOAD_KEY` (or a previous key) exactly as the worker opens it. Throws {@link StoreKlaviyoAccountError} for
 * an unknown store, a store without a key of its own, or a key this payload key cannot open.
 */
export async function loadStoreKlaviyoAccount(
  databaseUrl: string,
  payloadKey: string | undefined,
  storeId: string,
  previousPayloadKeys: readonly string[] = [],
): Promise<KlaviyoAccount> {
  let cipher: ApiKeyCipher
  try {
    cipher = ApiKeyCipher.fromSecret(payloadKey, previousPayloadKeys)
  } catch (error) {
    if (!(error instanceof ApiKeyCipherError)) throw error
    throw new StoreKlaviyoAccountError(`CROSSWISE_PAYLOAD_KEY is not usable: ${error.message}`)
  }
  // One short-lived connection; a read that takes longer than this is a database in trouble.
  const db = createDatabase(databaseUrl, { maxConnections: 1, statementTimeoutMs: 15_000 })
  try {
    if (!(await getStore(db, storeId))) throw new StoreKlaviyoAccountError(`store '${storeId}' is not known in this database`)
    const account = await loadKlaviyoAccount(db, cipher, storeId)
    if (!account) {
      throw new StoreKlaviyoAccountError(
        `store '${storeId}' has no Klaviyo key of its own: set one with PUT /v1/admin/stores/${storeId}/klaviyo, ` +
          'or run without --store to use KLAVIYO_API_KEY',
      )
    }
    return account
  } catch (error) {
    if (!(error instanceof ApiKeyCipherError)) throw error
    // The message names the store and the key's id, never the key; give the API's and worker's secret.
    throw new StoreKlaviyoAccountError(`${error.message} Run with the CROSSWISE_PAYLOAD_KEY the API and the worker use.`)
  } finally {
    await db.destroy()
  }
}
