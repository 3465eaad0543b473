import type { QueryCost } from './throttle.ts'

/**
 * A failed Admin API call. `retryable` is what a caller looks at: an activity turns a non-retryable
 * one into a non-retryable failure and leaves the rest to its retry policy.
 */
export abstract class ShopifyError extends Error {
  abstract readonly retryable: boolean
}

/**
 * Shopify refused the request for good: a wrong or revoked token (401), a missing scope or forbidden
 * shop (403, or GraphQL `ACCESS_DENIED`), an unknown, frozen or locked shop (402, 404, 423).
 */
export class ShopifyRefusedError extends ShopifyError {
  override name = 'ShopifyRefusedError'
  readonly retryable = false

  constructor(
    readonly status: number,
    /** Shopify's own words. */
    readonly reason: string,
  ) {
    super(`Shopify refused the request (${status}): ${reason}`)
  }
}

/** Shopify could not be asked: a network error, our timeout, 429 or a 5xx. Trying later may work. */
export class ShopifyUnavailableError extends ShopifyError {
  override name = 'ShopifyUnavailableError'
  readonly retryable = true
}

/** The shop's query-cost bucket held less than the query needs (GraphQL `THROTTLED`); nothing ran. */
export class ShopifyThrottledError extends ShopifyError {
  override name = 'ShopifyThrottledError'
  readonly retryable = true

  constructor(
    message: string,
    /** The bucket as Shopify reported it with the refusal, when it did. */
    readonly cost: QueryCost | undefined,
  ) {
    super(message)
  }
}

/** Shopify answered with GraphQL errors other than throttling (a query it cannot run): a bug, not retried. */
export class ShopifyQueryError extends ShopifyError {
  override name = 'ShopifyQueryError'
  readonly retryable = false
}
