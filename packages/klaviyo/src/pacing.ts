import { KlaviyoRetryableError } from './errors.ts'
import { endpointTier, klaviyoRateTiers, type RateLimit, type RateTier } from './rate-limits.ts'

/** How a {@link KlaviyoPacer} is tuned. */
export interface PacingOptions {
  /** Replaces the published limits of some tiers, e.g. for an account with raised limits. */
  tiers?: Partial<Record<RateTier, RateLimit>>
  /** Length of the burst window; a little over 1 s absorbs timer jitter. Default 1,050 ms. */
  burstWindowMs?: number
  /** Length of the steady window; a little over 60 s absorbs timer jitter. Default 60,500 ms. */
  steadyWindowMs?: number
  /**
   * Longest a call waits for a slot before giving up with a retryable `rate-limited` error, so an
   * activity fails fast and Temporal retries it later instead of it sitting in a queue. Default 30 s.
   */
  maxQueueWaitMs?: number
  now?: () => number
}

/**
 * The send ledger of one endpoint of one account. A request holds a slot of both windows from the
 * moment it is sent until a window's length after its answer: Klaviyo counts it at arrival, which lies
 * somewhere between the two, so this is never optimistic whatever the latency. On top of the windows a
 * GCRA spreads requests at the steady rate after an initial burst, so a spike of journeys does not
 * spend a minute's budget in one second and then stall everything for the rest of the minute.
 *
 * @internal exported for its unit tests.
 */
export class EndpointBudget {
  /** Answer times of finished requests, ascending; only the steady window's worth is kept. */
  private readonly finished: number[] = []
  private inFlight = 0
  private theoreticalArrival = Number.NEGATIVE_INFINITY
  private pausedUntil = 0
  private readonly interval: number
  private readonly tolerance: number

  constructor(
    private readonly limit: RateLimit,
    private readonly windows: { burstMs: number; steadyMs: number },
  ) {
    this.interval = windows.steadyMs / limit.steadyPerMinute
    this.tolerance = (Math.min(limit.burstPerSecond, limit.steadyPerMinute) - 1) * this.interval
  }

  /** Earliest time a request may be sent; `Infinity` while only an answer can free a slot. */
  earliest(now: number): number {
    this.prune(now)
    return Math.max(
      now,
      this.pausedUntil,
      this.theoreticalArrival - this.tolerance,
      this.windowOpensAt(now, this.windows.burstMs, this.limit.burstPerSecond),
      this.windowOpensAt(now, this.windows.steadyMs, this.limit.steadyPerMinute),
    )
  }

  /** Takes a slot at `now`; call the returned function once the answer (or failure) is in. */
  take(now: number, clock: () => number): () => void {
    this.inFlight += 1
    this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + this.interval
    let done = false
    return () => {
      if (done) return
      done = true
      this.inFlight -= 1
      const at = clock()
      let i = this.finished.length
      while (i > 0 && this.finished[i - 1]! > at) i -= 1
      this.finished.splice(i, 0, at)
    }
  }

  /** Holds every request until `until` (a 429's `Retry-After`). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until)
  }

  private windowOpensAt(now: number, windowMs: number, limit: number): number {
    const start = firstAfter(this.finished, now - windowMs)
    const occupied = this.finished.length - start + this.inFlight
    if (occupied < limit) return now
    const mustExpire = occupied - limit + 1
    const index = start + mustExpire - 1
    return index < this.finished.length ? this.finished[index]! + windowMs : Number.POSITIVE_INFINITY
  }

  private prune(now: number): void {
    const keep = firstAfter(this.finished, now - this.windows.steadyMs)
    if (keep > 0) this.finished.splice(0, keep)
  }
}

function firstAfter(sorted: number[], bound: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= bound) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface Waiter {
  resolve: (release: () => void) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

/**
 * Client-side rate limiter for Klaviyo: one budget per (account, endpoint) following the published
 * burst and steady limits. Create one per process and hand it to every gateway, so all activities of
 * a worker share it. Callers wait in FIFO order.
 */
export class KlaviyoPacer {
  private readonly budgets = new Map<string, { budget: EndpointBudget; queue: Waiter[]; timer?: NodeJS.Timeout }>()
  private readonly now: () => number

  constructor(private readonly options: PacingOptions = {}) {
    this.now = options.now ?? Date.now
  }

  /** The limit this pacer applies to an endpoint (`POST /api/events`). */
  limitFor(endpoint: string): RateLimit {
    const tier = endpointTier(endpoint)
    return this.options.tiers?.[tier] ?? klaviyoRateTiers[tier]
  }

  /**
   * Waits for a slot of `endpoint` on `account` and returns the function that frees it once the call
   * is answered. Rejects with a retryable `rate-limited` error after `maxQueueWaitMs`.
   */
  acquire(account: string, endpoint: string): Promise<() => void> {
    const entry = this.entry(account, endpoint)
    const maxWait = this.options.maxQueueWaitMs ?? 30_000
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          entry.queue = entry.queue.filter((w) => w !== waiter)
          reject(
            new KlaviyoRetryableError({
              endpoint,
              reason: 'rate-limited',
              retryAfterMs: maxWait,
              message: `No Klaviyo ${endpoint} slot within ${maxWait} ms; the account's budget is spent`,
            }),
          )
        }, maxWait),
      }
      entry.queue.push(waiter)
      this.drain(entry)
    })
  }

  /** Holds all calls to `endpoint` on `account` for `ms` (Klaviyo's `Retry-After` after a 429). */
  pause(account: string, endpoint: string, ms: number): void {
    const entry = this.entry(account, endpoint)
    entry.budget.pauseUntil(this.now() + ms)
    this.drain(entry)
  }

  private entry(account: string, endpoint: string) {
    const key = `${account}\u0000${endpoint}`
    let entry = this.budgets.get(key)
    if (!entry) {
      const windows = { burstMs: this.options.burstWindowMs ?? 1_050, steadyMs: this.options.steadyWindowMs ?? 60_500 }
      entry = { budget: new EndpointBudget(this.limitFor(endpoint), windows), queue: [] }
      this.budgets.set(key, entry)
    }
    return entry
  }

  private drain(entry: { budget: EndpointBudget; queue: Waiter[]; timer?: NodeJS.Timeout }): void {
    if (entry.timer) {
      clearTimeout(entry.timer)
      delete entry.timer
    }
    while (entry.queue.length > 0) {
      const now = this.now()
      const at = entry.budget.earliest(now)
      // Only an answer can free a slot: the release below drains again.
      if (at === Number.POSITIVE_INFINITY) return
      if (at > now) {
        entry.timer = setTimeout(() => this.drain(entry), Math.ceil(at - now))
        return
      }
      const waiter = entry.queue.shift()!
      clearTimeout(waiter.timer)
      const release = entry.budget.take(now, this.now)
      waiter.resolve(() => {
        release()
        if (entry.queue.length > 0) this.drain(entry)
      })
    }
  }
}

let shared: KlaviyoPacer | undefined

/** The process-wide pacer gateways use unless given another; created with defaults on first use. */
export function sharedKlaviyoPacer(): KlaviyoPacer {
  shared ??= new KlaviyoPacer()
  return shared
}
