/** The size and refill of a shop's query-cost bucket. */
export interface CostBucketLimits {
  /** Points the bucket holds when full (Shopify: 2,000 on standard plans). */
  maximumAvailable: number
  /** Points restored per second (Shopify: 100 on standard plans). */
  restoreRate: number
}

/** The bucket as Shopify reports it in `extensions.cost.throttleStatus`. */
export interface ReportedThrottleStatus extends CostBucketLimits {
  currentlyAvailable: number
}

/**
 * Shopify's leaky bucket of GraphQL query cost: a query is admitted only when the bucket holds its
 * whole requested cost, and then pays its actual cost; the bucket refills continuously.
 */
export class CostBucket {
  private level: number
  private at: number

  constructor(
    readonly limits: CostBucketLimits,
    nowMs: number,
  ) {
    this.level = limits.maximumAvailable
    this.at = nowMs
  }

  /** Points available now. */
  available(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.at) / 1_000
    this.level = Math.min(this.limits.maximumAvailable, this.level + elapsed * this.limits.restoreRate)
    this.at = Math.max(this.at, nowMs)
    return this.level
  }

  /** Admits a query of `requested` points and charges `actual` (computed only if admitted), or refuses it. */
  take(requested: number, actual: () => number, nowMs: number): { admitted: boolean; availableBefore: number } {
    const availableBefore = this.available(nowMs)
    if (availableBefore < requested) return { admitted: false, availableBefore }
    this.level -= Math.min(actual(), availableBefore)
    return { admitted: true, availableBefore }
  }

  /** Empties the bucket, as another app spending the shop's budget would. */
  drain(nowMs: number): void {
    this.available(nowMs)
    this.level = 0
  }

  /** What Shopify would report now; whole points, rounded down. */
  status(nowMs: number): ReportedThrottleStatus {
    return { ...this.limits, currentlyAvailable: Math.floor(this.available(nowMs)) }
  }
}
