/**
 * Counts failed authentications per client address and turns a client away for a while once it has
 * failed too often: guessing a token by volume stops being possible, and an honest client with a
 * wrong token learns it from the first 401. In memory: each API process keeps its own count.
 */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>()

  constructor(
    private readonly limit = 30,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `client` may try again; 0 when it may now. */
  blockedFor(client: string): number {
    const entry = this.failures.get(client)
    if (!entry) return 0
    const left = entry.since + this.windowMs - this.now()
    if (left <= 0) {
      this.failures.delete(client)
      return 0
    }
    return entry.count >= this.limit ? left : 0
  }

  recordFailure(client: string): void {
    const now = this.now()
    const entry = this.failures.get(client)
    if (entry && now - entry.since < this.windowMs) entry.count += 1
    else this.failures.set(client, { count: 1, since: now })
    // Many addresses (a spread-out attack) must not grow the map without end: forget expired ones.
    if (this.failures.size > 10_000) for (const [key, old] of this.failures) if (now - old.since >= this.windowMs) this.failures.delete(key)
  }
}
