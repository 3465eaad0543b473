import { createHash } from 'node:crypto'
import { ApiKeyCipher, loadKlaviyoAccount, type Db } from '@crosswise/db'
import { createSdkGateway, type KlaviyoConnection, type KlaviyoGateway } from '@crosswise/klaviyo'

/** How the worker reaches Klaviyo for stores that send through it. */
export interface KlaviyoSettings {
  /** Opens the keys stores keep in PostgreSQL (`CROSSWISE_PAYLOAD_KEY`); default: keys stored plain. */
  cipher?: ApiKeyCipher
  /** `KLAVIYO_API_KEY`: the account of stores without one of their own; unset: those stores run dry. */
  defaultApiKey?: string
  /** Shared by every store's gateway: Klaviyo's origin (a fake in tests), timeouts, pacer. */
  connection?: Omit<KlaviyoConnection, 'apiKey' | 'account'>
}

// Gateways hold the SDK clients and a metric-id cache; a bound keeps key rotations from piling them up.
const maxCachedGateways = 1_000

/**
 * Each store's Klaviyo gateway: its own account's key when it has one (read on every call, so a new
 * key takes effect at once), else `KLAVIYO_API_KEY`, else none (the store runs dry). Gateways are
 * cached per key and metric; every one uses the process-wide pacer under the key's hash, so stores
 * sharing an account share its rate limits.
 */
export class KlaviyoGateways {
  private readonly cache = new Map<string, KlaviyoGateway>()
  private readonly cipher: ApiKeyCipher

  constructor(
    private readonly db: Db,
    private readonly settings: KlaviyoSettings = {},
  ) {
    this.cipher = settings.cipher ?? ApiKeyCipher.fromSecret(undefined)
  }

  /** The store's gateway, or undefined when it has no Klaviyo account to send through. */
  async forStore(storeId: string): Promise<KlaviyoGateway | undefined> {
    const own = await loadKlaviyoAccount(this.db, this.cipher, storeId)
    const apiKey = own?.apiKey ?? this.settings.defaultApiKey
    if (!apiKey) return undefined
    return this.gateway(apiKey, own?.metricName)
  }

  private gateway(apiKey: string, metricName: string | undefined): KlaviyoGateway {
    // Keyed by a hash: the cache's keys must not hold the secret in the clear.
    const id = createHash('sha256')
      .update(`${apiKey}\n${metricName ?? ''}`)
      .digest('hex')
    let gateway = this.cache.get(id)
    if (!gateway) {
      gateway = createSdkGateway({ ...this.settings.connection, apiKey, ...(metricName ? { metricName } : {}) })
      if (this.cache.size >= maxCachedGateways) this.cache.delete(this.cache.keys().next().value!)
      this.cache.set(id, gateway)
    }
    return gateway
  }
}
