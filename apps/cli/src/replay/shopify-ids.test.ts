import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { shopifyOrderId, shopifyProductId } from './shopify-ids.ts'

describe('Shopify ids of a replayed history', () => {
  it('gives each stock code its own numeric product id, letters and their case included', () => {
    expect(shopifyProductId('85123')).toBe('85123')
    expect(shopifyProductId('85123A')).toBe('851230001')
    expect(shopifyProductId('15056BL')).not.toBe(shopifyProductId('15056bl'))
    const codes = ['47566', '47566A', '47566B', '47566AB', '47566BA', '47566a', '47566zz', '47567']
    expect(new Set(codes.map(shopifyProductId)).size).toBe(codes.length)
    expect(() => shopifyProductId('POST')).toThrow(/no Shopify id/)
  })

  // Reads the 7 MB shipped file: allow a loaded machine its time.
  it('keeps every product of the shipped data apart', { timeout: 30_000 }, () => {
    const data = gunzipSync(readFileSync(new URL('../../../../data/online-retail/online-retail.csv.gz', import.meta.url))).toString('utf8')
    const codes = [...new Set(Array.from(data.matchAll(/^[^,\n]*,(\d{5}[^,\n]*),/gm), (match) => match[1]!))]
    expect(codes.length).toBeGreaterThan(4_000)
    expect(new Set(codes.map(shopifyProductId)).size).toBe(codes.length)
  })

  it('puts large order ids above 2^53, exactly', () => {
    expect(shopifyOrderId('536365', false)).toBe('536365')
    expect(shopifyOrderId('536365', true)).toBe('9007199255277358')
    expect(BigInt(shopifyOrderId('536365', true)) > 2n ** 53n).toBe(true)
  })
})
