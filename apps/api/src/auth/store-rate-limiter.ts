/** How many requests a store may make: a steady rate, and the burst it may spend at once. */
export interface StoreRateLimit {
  perSecond: number
  burst: number
}

/**
 * A token bucket per store, so one store (a runaway integration, a leaked token) cannot take the API
 * from the others: each request takes a token, tokens come back at `perSecond` up to `burst`. In
 * memory: each API process limits its own share.
 */
export class StoreRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly limit: StoreRateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `storeId`: 0 when granted, else the milliseconds until one is free. */
  take(storeId: string): number {
    const now = this.now()
    const bucket = this.buckets.get(storeId) ?? { tokens: this.limit.burst, at: now }
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond)
    bucket.at = now
    this.buckets.set(storeId, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.ceil(((1 - bucket.tokens) / this.limit.perSecond) * 1000)
  }
}
