import type { Payload, PayloadCodec } from '@temporalio/common'

// Written into every encrypted payload's metadata; never change them, or stored histories stop decoding.
const encryptedEncoding = 'binary/encrypted'
const keyIdField = 'encryption-key-id'
const ivBytes = 12

const encoder = new TextEncoder()
const decoder = new TextDecoder()
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: spreading a large payload into one call would overflow the argument limit.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/** Thrown for a key that is not 32 bytes of base64, or a payload encrypted with another key. */
export class PayloadKeyError extends Error {
  override name = 'PayloadKeyError'
}

/**
 * Encrypts journey payloads (signals, activity inputs and results carry customer emails) with
 * AES-256-GCM before they reach Temporal, and decrypts them on the way back. Each payload gets a fresh
 * random 96-bit IV; its metadata names the key by a short hash, so a payload encrypted with another
 * key fails loudly instead of decoding to garbage. Payloads that are not encrypted pass through, so a
 * key can be introduced while journeys are running. Web Crypto only: the same code serves the worker,
 * the clients and the API's codec endpoint.
 */
type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>

export class AesGcmPayloadCodec implements PayloadCodec {
  private constructor(
    private readonly key: AesKey,
    /** First 8 hex digits of SHA-256 of the key. */
    readonly keyId: string,
    /** Keys that decrypt, by id: this one and the ones it replaced. */
    private readonly decrypting: ReadonlyMap<string, AesKey>,
  ) {}

  /**
   * A codec for a base64 key of 32 bytes (`openssl rand -base64 32`), e.g. `CROSSWISE_PAYLOAD_KEY`,
   * that also decrypts what the `previous` keys encrypted (`CROSSWISE_PREVIOUS_PAYLOAD_KEYS`).
   */
  static async fromBase64(secret: string, previous: readonly string[] = []): Promise<AesGcmPayloadCodec> {
    const [keyId, key] = await importPayloadKey(secret)
    const decrypting = new Map(await Promise.all(previous.map(importPayloadKey)))
    decrypting.set(keyId, key)
    return new AesGcmPayloadCodec(key, keyId, decrypting)
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (payload) => {
        const plain = encoder.encode(JSON.stringify(toWire(payload)))
        const iv = crypto.getRandomValues(new Uint8Array(ivBytes))
        const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.key, plain))
        const data = new Uint8Array(ivBytes + sealed.length)
        data.set(iv)
        data.set(sealed, ivBytes)
        return { metadata: { encoding: encoder.encode(encryptedEncoding), [keyIdField]: encoder.encode(this.keyId) }, data }
      }),
    )
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(
      payloads.map(async (payload) => {
        const encoding = payload.metadata?.encoding
        if (!encoding || decoder.decode(encoding) !== encryptedEncoding) return payload
        const keyId = payload.metadata?.[keyIdField]
        const key = keyId && this.decrypting.get(decoder.decode(keyId))
        if (!key) {
          const known = [...this.decrypting.keys()].join(', ')
          throw new PayloadKeyError(`Payload encrypted with key ${keyId ? decoder.decode(keyId) : '(none)'}, not one of ${known}.`)
        }
        const data = payload.data ?? new Uint8Array()
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: data.slice(0, ivBytes) }, key, data.slice(ivBytes))
        return fromWire(JSON.parse(decoder.decode(plain)) as WirePayload)
      }),
    )
  }
}

/** The AES key of a base64 secret of 32 bytes, with its id (8 hex digits of its SHA-256). */
async function importPayloadKey(secret: string): Promise<[string, AesKey]> {
  let raw: Uint8Array<ArrayBuffer>
  try {
    raw = fromBase64(secret.trim())
  } catch {
    throw new PayloadKeyError('The payload key must be base64 (e.g. `openssl rand -base64 32`).')
  }
  if (raw.length !== 32) throw new PayloadKeyError(`The payload key must be 32 bytes; this one is ${raw.length}.`)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw))
  const keyId = [...digest.slice(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return [keyId, await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])]
}

/** A payload as JSON with base64 bytes: what is encrypted, and what the codec endpoint speaks. */
export interface WirePayload {
  metadata?: Record<string, string>
  data?: string
}

/** A payload in the JSON shape of Temporal's codec server protocol (bytes as base64). */
export function toWire(payload: Payload): WirePayload {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, toBase64(value)]))
  return { metadata, ...(payload.data ? { data: toBase64(payload.data) } : {}) }
}

/** The inverse of {@link toWire}. */
export function fromWire(wire: WirePayload): Payload {
  const metadata = Object.fromEntries(Object.entries(wire.metadata ?? {}).map(([key, value]) => [key, fromBase64(value)]))
  return { metadata, data: wire.data === undefined ? new Uint8Array() : fromBase64(wire.data) }
}

/**
 * The data converter of every Crosswise worker and client: payloads encrypted when a key is
 * configured (`CROSSWISE_PAYLOAD_KEY`), plain otherwise.
 */
export async function journeyDataConverter(
  payloadKey: string | undefined,
  previousKeys: readonly string[] = [],
): Promise<{ payloadCodecs: PayloadCodec[] }> {
  return { payloadCodecs: payloadKey ? [await AesGcmPayloadCodec.fromBase64(payloadKey, previousKeys)] : [] }
}
