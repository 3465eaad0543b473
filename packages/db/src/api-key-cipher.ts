import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'

// Written into every stored key; never change them, or stored keys stop opening.
const sealedPrefix = 'aes-256-gcm'
const plainPrefix = 'plain'
// A key of its own derived from CROSSWISE_PAYLOAD_KEY, so sealed API keys and journey payloads never
// share an AES key even though operators manage one secret. It names Klaviyo because Klaviyo keys were
// the first sealed; it seals every store secret (Shopify access tokens too) and can never change.
const derivationInfo = 'crosswise/klaviyo-api-key'
const ivBytes = 12

/** Thrown for a secret that is not 32 bytes of base64, or a stored key this cipher cannot open. */
export class ApiKeyCipherError extends Error {
  override name = 'ApiKeyCipherError'
}

/**
 * Seals stores' third-party API keys (Klaviyo private keys, Shopify Admin API access tokens) for
 * storage in PostgreSQL. With a secret
 * (`CROSSWISE_PAYLOAD_KEY`, base64 of 32 bytes) keys are encrypted with AES-256-GCM under a key derived
 * from it, bound to their store (a sealed key copied to another store's row does not open); without
 * one they are stored plain but marked so, and open again once a secret is configured. Previous
 * secrets (`CROSSWISE_PREVIOUS_PAYLOAD_KEYS`) still open what they sealed, until `crosswise keys
 * rotate` (or the API's start) has sealed it again under the current one.
 */
export class ApiKeyCipher {
  /** How every key stored plain (saved while no secret was configured) begins. */
  static readonly plainMarker = `${plainPrefix}:`
  /** How every sealed key begins. */
  static readonly sealedMarker = `${sealedPrefix}:`

  /** Whether a stored value is in a form this class wrote: sealed, or marked plain. */
  static isStoredForm(value: string): boolean {
    return value.startsWith(ApiKeyCipher.sealedMarker) || value.startsWith(ApiKeyCipher.plainMarker)
  }

  private constructor(
    private readonly key: Buffer | undefined,
    /** First 8 hex digits of SHA-256 of the derived key; names the key in every sealed value. */
    private readonly keyId: string | undefined,
    /** Every key that opens, by id: the current one and the previous ones. */
    private readonly opening: ReadonlyMap<string, Buffer>,
  ) {}

  /**
   * A cipher for a base64 secret of 32 bytes (`undefined` stores keys plain), which also opens what
   * the `previous` secrets sealed.
   */
  static fromSecret(secret: string | undefined, previous: readonly string[] = []): ApiKeyCipher {
    const opening = new Map(previous.map(derivedKey))
    if (secret === undefined) return new ApiKeyCipher(undefined, undefined, opening)
    const [keyId, key] = derivedKey(secret)
    opening.set(keyId, key)
    return new ApiKeyCipher(key, keyId, opening)
  }

  /** How every value sealed under the current key begins; undefined without a key. */
  get currentPrefix(): string | undefined {
    return this.keyId === undefined ? undefined : `${sealedPrefix}:${this.keyId}:`
  }

  /** Whether a stored value is sealed under the current key (nothing to re-seal). */
  isCurrent(stored: string): boolean {
    return this.currentPrefix !== undefined && stored.startsWith(this.currentPrefix)
  }

  /** Whether sealed keys are encrypted (a secret is configured). */
  get encrypts(): boolean {
    return this.key !== undefined
  }

  /** The stored form of a store's API key. */
  seal(storeId: string, apiKey: string): string {
    if (!this.key) return `${ApiKeyCipher.plainMarker}${apiKey}`
    const iv = randomBytes(ivBytes)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(Buffer.from(storeId, 'utf8'))
    const encrypted = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()])
    return [sealedPrefix, this.keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), encrypted.toString('base64')].join(':')
  }

  /** The API key from its stored form; throws {@link ApiKeyCipherError} (never with the key) if it cannot. */
  open(storeId: string, sealed: string): string {
    if (sealed.startsWith(ApiKeyCipher.plainMarker)) return sealed.slice(ApiKeyCipher.plainMarker.length)
    const [prefix, keyId, iv, tag, encrypted] = sealed.split(':')
    if (prefix !== sealedPrefix || !keyId || !iv || !tag || encrypted === undefined) {
      throw new ApiKeyCipherError(`The stored API key of store ${storeId} is not in a known format.`)
    }
    const key = this.opening.get(keyId)
    if (!key && !this.key)
      throw new ApiKeyCipherError(`The API key of store ${storeId} is encrypted, but CROSSWISE_PAYLOAD_KEY is not set.`)
    if (!key) throw new ApiKeyCipherError(`The API key of store ${storeId} was encrypted with another CROSSWISE_PAYLOAD_KEY (${keyId}).`)
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
      decipher.setAAD(Buffer.from(storeId, 'utf8'))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]).toString('utf8')
    } catch (error) {
      throw new ApiKeyCipherError(`The stored API key of store ${storeId} does not open (altered, or sealed for another store).`, {
        cause: error,
      })
    }
  }
}

/** The sealing key derived from a base64 secret of 32 bytes, with its id. */
function derivedKey(secret: string): [string, Buffer] {
  const raw = Buffer.from(secret.trim(), 'base64')
  if (raw.length !== 32) throw new ApiKeyCipherError(`The secret must be 32 bytes of base64; this one is ${raw.length} bytes.`)
  const key = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), derivationInfo, 32))
  return [createHash('sha256').update(key).digest('hex').slice(0, 8), key]
}
