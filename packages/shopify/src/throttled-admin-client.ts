import { setTimeout as sleep } from 'node:timers/promises'
import type { ShopifyAdminClient } from './admin-client.ts'
import { ShopifyThrottledError, ShopifyUnavailableError } from './errors.ts'
import { throttleWaitMs, type QueryCost, type ThrottleStatus } from './throttle.ts'

/** How a {@link ThrottledAdminClient} waits and retries. */
export interface ThrottlingOptions {
  /** Attempts of one request when throttled or when Shopify cannot be reached; default 5. */
  maxAttempts?: number
  /** Pause after the first failed attempt to reach Shopify, doubled after each; default 1 s. */
  retryDelayMs?: number
  /** Stops waiting and sending (an activity's cancellation). */
  signal?: AbortSignal
  /** Told before each request is sent, waits included (an activity heartbeats on it). */
  onRequest?: () => void
}

// When Shopify throttles without saying how full its bucket is (never seen, but possible), wait this long.
const unknownBucketWaitMs = 1_000

/**
 * Sends Admin GraphQL operations within the shop's query-cost budget. Before each request it waits
 * until the bucket, as Shopify last reported it and refilled since, holds what the same operation
 * cost last time (`(cost - available) / restoreRate` seconds); a request Shopify still throttles is
 * retried after the same wait, and one that cannot reach Shopify after a doubling pause, each at most
 * `maxAttempts` times. So it never sends into an empty bucket it knows of.
 */
export class ThrottledAdminClient {
  /** Milliseconds spent waiting for the bucket to refill, over every call. */
  waitedMs = 0
  /** Requests sent, retries included. */
  requests = 0
  private bucket: { status: ThrottleStatus; observedAtMs: number } | undefined
  private readonly lastCost = new Map<string, number>()
  private readonly maxAttempts: number
  private readonly retryDelayMs: number

  constructor(
    private readonly client: ShopifyAdminClient,
    private readonly options: ThrottlingOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5
    this.retryDelayMs = options.retryDelayMs ?? 1_000
  }

  /**
   * Runs the named operation (its name keys the cost it is expected to have) and returns its `data`.
   * Throws the last error once the attempts are used up, or at once for a refusal.
   */
  async query(operation: string, document: string, variables: Record<string, unknown>): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      await this.waitForBudget(operation)
      this.options.onRequest?.()
      this.requests++
      try {
        const answer = await this.client.query(document, variables, this.options.signal)
        this.note(operation, answer.cost)
        return answer.data
      } catch (error) {
        if (error instanceof ShopifyThrottledError && error.cost) this.note(operation, error.cost)
        if (attempt >= this.maxAttempts) throw error
        if (error instanceof ShopifyThrottledError) {
          if (!error.cost) await this.pause(unknownBucketWaitMs, true)
          continue
        }
        if (error instanceof ShopifyUnavailableError) {
          await this.pause(this.retryDelayMs * 2 ** (attempt - 1), false)
          continue
        }
        throw error
      }
    }
  }

  private async waitForBudget(operation: string): Promise<void> {
    const cost = this.lastCost.get(operation)
    if (cost === undefined || !this.bucket) return
    await this.pause(throttleWaitMs(cost, this.bucket.status, this.bucket.observedAtMs, Date.now()), true)
  }

  private note(operation: string, cost: QueryCost | undefined): void {
    if (!cost) return
    this.lastCost.set(operation, cost.requestedQueryCost)
    // Shopify measured the bucket before its answer arrived: dating it on arrival under-counts the refill.
    this.bucket = { status: cost.throttleStatus, observedAtMs: Date.now() }
  }

  private async pause(ms: number, throttled: boolean): Promise<void> {
    if (ms <= 0) return
    await sleep(ms, undefined, this.options.signal ? { signal: this.options.signal } : {})
    if (throttled) this.waitedMs += ms
  }
}
