import { describe, expect, it } from 'vitest'
import { isShopifySignatureValid, signShopifyBody } from './hmac.ts'

const secret = 'shpss_0123456789abcdef0123456789abcdef'
const body = Buffer.from('{"id":820982911946154508}')

describe('isShopifySignatureValid', () => {
  it('accepts the signature of the exact bytes', () => {
    expect(isShopifySignatureValid(body, secret, signShopifyBody(body, secret))).toBe(true)
  })

  it('rejects a missing, truncated, foreign or other-body signature', () => {
    const signature = signShopifyBody(body, secret)
    expect(isShopifySignatureValid(body, secret, undefined)).toBe(false)
    expect(isShopifySignatureValid(body, secret, signature.slice(0, 20))).toBe(false)
    expect(isShopifySignatureValid(body, 'another-secret-entirely', signature)).toBe(false)
    expect(isShopifySignatureValid(Buffer.from('{"id":820982911946154509}'), secret, signature)).toBe(false)
  })
})
