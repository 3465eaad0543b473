import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ApiKeyCipher, ApiKeyCipherError } from './api-key-cipher.ts'

const secret = randomBytes(32).toString('base64')
const apiKey = 'pk_0123456789abcdef0123456789abcdef01'

describe('ApiKeyCipher', () => {
  it('seals a key so the stored form does not contain it, and opens it again', () => {
    const cipher = ApiKeyCipher.fromSecret(secret)
    const sealed = cipher.seal('store-1', apiKey)
    expect(sealed).not.toContain(apiKey)
    expect(sealed).not.toContain(apiKey.slice(3))
    expect(cipher.open('store-1', sealed)).toBe(apiKey)
    expect(cipher.seal('store-1', apiKey)).not.toBe(sealed)
  })

  it('refuses a sealed key copied to another store, altered, or sealed under another secret', () => {
    const cipher = ApiKeyCipher.fromSecret(secret)
    const sealed = cipher.seal('store-1', apiKey)
    expect(() => cipher.open('store-2', sealed)).toThrow(ApiKeyCipherError)
    const parts = sealed.split(':')
    parts[4] = Buffer.from('pk_forged').toString('base64')
    expect(() => cipher.open('store-1', parts.join(':'))).toThrow(ApiKeyCipherError)
    expect(() => ApiKeyCipher.fromSecret(randomBytes(32).toString('base64')).open('store-1', sealed)).toThrow(
      /another CROSSWISE_PAYLOAD_KEY/,
    )
    expect(() => ApiKeyCipher.fromSecret(undefined).open('store-1', sealed)).toThrow(/not set/)
  })

  it('never puts the key in an error message', () => {
    const cipher = ApiKeyCipher.fromSecret(secret)
    const sealed = cipher.seal('store-1', apiKey)
    try {
      cipher.open('store-2', sealed)
    } catch (error) {
      expect(String(error)).not.toContain(apiKey)
    }
  })

  it('stores keys marked plain without a secret, and still opens them once one is set', () => {
    const sealed = ApiKeyCipher.fromSecret(undefined).seal('store-1', apiKey)
    expect(ApiKeyCipher.fromSecret(undefined).open('store-1', sealed)).toBe(apiKey)
    expect(ApiKeyCipher.fromSecret(secret).open('store-1', sealed)).toBe(apiKey)
  })

  it('rejects a secret that is not 32 bytes', () => {
    expect(() => ApiKeyCipher.fromSecret(randomBytes(16).toString('base64'))).toThrow(ApiKeyCipherError)
  })
})
