/**
 * Metric ids by name for one account, loaded from `GET /api/metrics` and kept for `ttlMs`. Metrics
 * cannot be filtered by name, so one listing serves every lookup. A name the account lacks (no email
 * was ever opened there) triggers a reload at most once per `missTtlMs`.
 */
export class MetricIdCache {
  private ids = new Map<string, string>()
  private loadedAt = Number.NEGATIVE_INFINITY
  private loading: Promise<void> | undefined

  constructor(
    private readonly load: () => Promise<Map<string, string>>,
    private readonly options: { ttlMs: number; missTtlMs: number; now?: () => number } = { ttlMs: 3_600_000, missTtlMs: 300_000 },
  ) {}

  /** The id of the metric called `name`, or `undefined` if the account has none. */
  async idOf(name: string): Promise<string | undefined> {
    const now = (this.options.now ?? Date.now)()
    const age = now - this.loadedAt
    if (age > this.options.ttlMs || (!this.ids.has(name) && age > this.options.missTtlMs)) {
      // Concurrent callers share one listing.
      this.loading ??= this.load().then(
        (ids) => {
          this.ids = ids
          this.loadedAt = (this.options.now ?? Date.now)()
          this.loading = undefined
        },
        (error: unknown) => {
          this.loading = undefined
          throw error
        },
      )
      await this.loading
    }
    return this.ids.get(name)
  }
}
