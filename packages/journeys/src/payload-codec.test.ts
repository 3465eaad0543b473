import { defaultPayloadConverter } from '@temporalio/common'
import { describe, expect, it } from 'vitest'
import { AesGcmPayloadCodec, fromWire, journeyDataConverter, PayloadKeyError, toWire } from './payload-codec.ts'

const key = Buffer.alloc(32, 7).toString('base64')
const otherKey = Buffer.alloc(32, 9).toString('base64')

describe('AesGcmPayloadCodec', () => {
  it('encrypts so the email is unreadable, and decrypts to the same payload', async () => {
    const codec = await AesGcmPayloadCodec.fromBase64(key)
    const payload = defaultPayloadConverter.toPayload({ email: 'ada@example.com' })
    const [encoded] = await codec.encode([payload])
    expect(Buffer.from(encoded!.data!).toString('latin1')).not.toContain('ada@example.com')
    expect(new TextDecoder().decode(encoded!.metadata!.encoding)).toBe('binary/encrypted')
    const [decoded] = await codec.decode([encoded!])
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ email: 'ada@example.com' })
  })

  it('uses a fresh IV for every payload', async () => {
    const codec = await AesGcmPayloadCodec.fromBase64(key)
    const payload = defaultPayloadConverter.toPayload('same')
    const [a, b] = await codec.encode([payload, payload])
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false)
  })

  it('passes plain payloads through and refuses another key’s payloads', async () => {
    const codec = await AesGcmPayloadCodec.fromBase64(key)
    const plain = defaultPayloadConverter.toPayload(42)
    expect(await codec.decode([plain])).toEqual([plain])
    const [foreign] = await (await AesGcmPayloadCodec.fromBase64(otherKey)).encode([plain])
    await expect(codec.decode([foreign!])).rejects.toBeInstanceOf(PayloadKeyError)
  })

  it('after a rotation encrypts under the new key and still decrypts what the previous key encrypted', async () => {
    const plain = defaultPayloadConverter.toPayload({ email: 'ada@example.com' })
    const [old] = await (await AesGcmPayloadCodec.fromBase64(key)).encode([plain])
    const rotated = await AesGcmPayloadCodec.fromBase64(otherKey, [key])
    const [decoded] = await rotated.decode([old!])
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ email: 'ada@example.com' })
    const [fresh] = await rotated.encode([plain])
    expect(new TextDecoder().decode(fresh!.metadata!['encryption-key-id'])).toBe(rotated.keyId)
    await expect((await AesGcmPayloadCodec.fromBase64(key)).decode([fresh!])).rejects.toBeInstanceOf(PayloadKeyError)
  })

  it('rejects a key that is not 32 bytes of base64', async () => {
    await expect(AesGcmPayloadCodec.fromBase64(Buffer.alloc(16).toString('base64'))).rejects.toThrow(/32 bytes/)
  })

  it('round-trips the codec server’s JSON shape, large payloads too', () => {
    const payload = defaultPayloadConverter.toPayload({ a: 1 })
    expect(fromWire(toWire(payload))).toEqual(payload)
    const large = defaultPayloadConverter.toPayload('x'.repeat(200_000))
    expect(Buffer.from(fromWire(toWire(large)).data!).equals(Buffer.from(large.data!))).toBe(true)
  })

  it('makes a converter without codecs when no key is configured', async () => {
    expect((await journeyDataConverter(undefined)).payloadCodecs).toEqual([])
    expect((await journeyDataConverter(key)).payloadCodecs).toHaveLength(1)
  })
})
