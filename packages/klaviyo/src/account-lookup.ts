/**
 * A table read from one Klaviyo account in a single listing and kept for `ttlMs`: metric ids by name
 * (metrics cannot be filtered by name, so one listing serves every lookup), or the flows our metric
 * triggers. A key the account lacks (no email was ever opened there, a flow set up minutes ago)
 * triggers a reload at most once per `missTtlMs`.
 */
export class AccountLookup {
  private ids = new Map<string, string>()
  private loadedAt = Number.NEGATIVE_INFINITY
  private loading: Promise<void> | undefined

  constructor(
    private readonly load: () => Promise<Map<string, string>>,
    private readonly options: { ttlMs: number; missTtlMs: number; now?: () => number } = { ttlMs: 3_600_000, missTtlMs: 300_000 },
  ) {}

  /** The value under `name`, or `undefined` if the account has none. */
  async get(name: string): Promise<string | undefined> {
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
