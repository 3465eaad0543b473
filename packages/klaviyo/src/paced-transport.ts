import { RetryWithExponentialBackoff } from 'klaviyo-api'
import { classifyKlaviyoFailure, KlaviyoRetryableError } from './errors.ts'
import type { KlaviyoPacer } from './pacing.ts'
import { endpointOf } from './rate-limits.ts'

type RequestConfig = Parameters<RetryWithExponentialBackoff['requestWithRetry']>[0]
type Response = Awaited<ReturnType<RetryWithExponentialBackoff['requestWithRetry']>>

/** How each HTTP exchange with Klaviyo is bounded. */
export interface TransportOptions {
  pacer: KlaviyoPacer
  /** Key of the Klaviyo account in the pacer: limits are per account, not per API key. */
  account: string
  /** Longest one HTTP exchange may take, answer included. */
  timeoutMs: number
  /** Longest total `Retry-After` this call will wait out before handing the 429 to its caller. */
  maxRetryAfterWaitMs: number
}

/**
 * The SDK's request hook (it calls `requestWithRetry` for every operation), replaced so that each
 * request waits for a slot of the shared pacer, is cut off after `timeoutMs` (the SDK sets no timeout),
 * and fails with a typed error.
 *
 * Retries: Temporal's activity retry policy is the one retry layer. The SDK's own backoff is disabled
 * (one attempt: `numRetries` counts attempts), because a second hidden layer multiplies attempts and
 * hides failures from the journey's history. The one exception is a 429: Klaviyo has refused the
 * request without acting on it and told us when to come back, so waiting out `Retry-After` inside the
 * pacer (which holds every caller of that endpoint meanwhile) is pacing, not retrying. A wait longer
 * than `maxRetryAfterWaitMs` is handed up as a retryable error carrying `retryAfterMs`.
 */
export class PacedTransport extends RetryWithExponentialBackoff {
  constructor(private readonly options: TransportOptions) {
    super({ numRetries: 1, retryCodes: [] })
  }

  override async requestWithRetry(config: RequestConfig): Promise<Response> {
    const endpoint = endpointOf(config.method, config.url)
    const { pacer, account, timeoutMs } = this.options
    let waited = 0
    for (;;) {
      const release = await pacer.acquire(account, endpoint)
      const signal = AbortSignal.timeout(timeoutMs)
      try {
        return await super.requestWithRetry({ ...config, signal })
      } catch (error) {
        const failure = classifyKlaviyoFailure(error, { endpoint, timedOut: signal.aborted, timeoutMs, nowMs: Date.now() })
        if (failure instanceof KlaviyoRetryableError && failure.reason === 'rate-limited') {
          // Without Retry-After, one second is Klaviyo's smallest window.
          const wait = failure.retryAfterMs ?? 1_000
          pacer.pause(account, endpoint, wait)
          if (waited + wait <= this.options.maxRetryAfterWaitMs) {
            waited += wait
            continue
          }
        }
        throw failure
      } finally {
        release()
      }
    }
  }
}
