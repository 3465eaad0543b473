import { describe, expect, it } from 'vitest'
import { SlidingWindowRateLimiter } from './rate-limit.ts'

describe('SlidingWindowRateLimiter', () => {
  const limit = { burstPerSecond: 2, steadyPerMinute: 3 }

  it('throttles past the burst within any second and says when to come back', () => {
    const limiter = new SlidingWindowRateLimiter()
    expect(limiter.admit('k', limit, 0)).toEqual({ admitted: true })
    expect(limiter.admit('k', limit, 400)).toEqual({ admitted: true })
    expect(limiter.admit('k', limit, 900)).toEqual({ admitted: false, retryAfterSeconds: 1 })
    expect(limiter.admit('k', limit, 1_001)).toEqual({ admitted: true })
  })

  it('throttles past the steady limit within any minute', () => {
    const limiter = new SlidingWindowRateLimiter()
    for (const at of [0, 2_000, 4_000]) expect(limiter.admit('k', limit, at)).toEqual({ admitted: true })
    expect(limiter.admit('k', limit, 30_000)).toEqual({ admitted: false, retryAfterSeconds: 30 })
    expect(limiter.admit('other', limit, 30_000)).toEqual({ admitted: true })
    expect(limiter.admit('k', limit, 60_001)).toEqual({ admitted: true })
  })
})
