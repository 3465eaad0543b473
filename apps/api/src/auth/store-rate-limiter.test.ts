import { describe, expect, it } from 'vitest'
import { StoreRateLimiter } from './store-rate-limiter.ts'

describe('StoreRateLimiter', () => {
  it('lets a burst through, then one request per refill, per store', () => {
    let now = 0
    const limiter = new StoreRateLimiter({ perSecond: 10, burst: 3 }, () => now)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0])
    expect(limiter.take('a')).toBe(100)
    expect(limiter.take('b')).toBe(0)
    now = 100
    expect(limiter.take('a')).toBe(0)
    expect(limiter.take('a')).toBe(100)
    now = 10_000
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0, 100])
  })
})
