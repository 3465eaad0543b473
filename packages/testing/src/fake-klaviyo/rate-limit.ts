/** An endpoint's limits: requests per sliding second and per sliding minute. */
export interface FakeRateLimit {
  burstPerSecond: number
  steadyPerMinute: number
}

/**
 * Klaviyo's two windows per account and endpoint, enforced as sliding windows on arrival time. Sliding
 * is the strict reading: a client that passes here also passes fixed windows.
 */
export class SlidingWindowRateLimiter {
  private readonly arrivals = new Map<string, number[]>()

  /** Admits the request or returns the seconds until it would be admitted (for `Retry-After`). */
  admit(key: string, limit: FakeRateLimit, nowMs: number): { admitted: true } | { admitted: false; retryAfterSeconds: number } {
    const times = this.arrivals.get(key) ?? []
    while (times.length > 0 && times[0]! <= nowMs - 60_000) times.shift()
    const lastSecond = times.length - firstIndexAfter(times, nowMs - 1_000)
    if (lastSecond >= limit.burstPerSecond) {
      const oldest = times[times.length - limit.burstPerSecond]!
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + 1_000 - nowMs) / 1_000)) }
    }
    if (times.length >= limit.steadyPerMinute) {
      const oldest = times[times.length - limit.steadyPerMinute]!
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + 60_000 - nowMs) / 1_000)) }
    }
    times.push(nowMs)
    this.arrivals.set(key, times)
    return { admitted: true }
  }
}

function firstIndexAfter(sorted: number[], bound: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= bound) lo = mid + 1
    else hi = mid
  }
  return lo
}
