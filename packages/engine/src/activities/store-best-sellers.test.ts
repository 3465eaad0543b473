import { describe, expect, it } from 'vitest'
import { RecentBestSellerCache } from './store-best-sellers.ts'

describe('RecentBestSellerCache', () => {
  it('reads a store’s ranking once per period, each store on its own, and again after a failed read', async () => {
    let clock = 0
    const reads: string[] = []
    let fail = false
    const cache = new RecentBestSellerCache(
      async (storeId) => {
        reads.push(storeId)
        if (fail) throw new Error('database away')
        return [{ productId: `${storeId}-top`, lines: reads.length }]
      },
      1_000,
      () => clock,
    )
    expect(await cache.read('a')).toEqual([{ productId: 'a-top', lines: 1 }])
    expect(await cache.read('a')).toEqual([{ productId: 'a-top', lines: 1 }])
    await cache.read('b')
    expect(reads).toEqual(['a', 'b'])
    clock = 1_000
    expect(await cache.read('a')).toEqual([{ productId: 'a-top', lines: 3 }])
    clock = 2_000
    fail = true
    await expect(cache.read('a')).rejects.toThrow('database away')
    fail = false
    expect(await cache.read('a')).toEqual([{ productId: 'a-top', lines: 5 }])
  })
})
