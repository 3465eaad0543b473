import { describe, expect, it } from 'vitest'
import { FailedAuthLimiter } from './failed-auth-limiter.ts'

describe('FailedAuthLimiter', () => {
  it('turns a client away after too many failures in the window, and lets it back when the window passes', () => {
    let now = 0
    const limiter = new FailedAuthLimiter(3, 60_000, () => now)
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(limiter.blockedFor('10.0.0.1')).toBe(0)
      limiter.recordFailure('10.0.0.1')
    }
    now = 10_000
    expect(limiter.blockedFor('10.0.0.1')).toBe(50_000)
    expect(limiter.blockedFor('10.0.0.2')).toBe(0)
    now = 60_000
    expect(limiter.blockedFor('10.0.0.1')).toBe(0)
  })
})
