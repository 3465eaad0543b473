/** One entry of Klaviyo's JSON:API `errors` array: what was wrong, and where. */
export interface KlaviyoErrorDetail {
  code: string
  title: string
  detail: string
  /** JSON pointer into the request body (`/data/attributes/profile`) when Klaviyo names one. */
  pointer?: string
  /** Query parameter Klaviyo objected to (`filter`) when it names one. */
  parameter?: string
}

/**
 * A failed Klaviyo call. `retryable` is the only thing a caller must look at: Temporal activities turn
 * a non-retryable one into a non-retryable failure and let the retry policy handle the rest.
 */
export abstract class KlaviyoError extends Error {
  abstract readonly retryable: boolean
  /** The SDK operation that failed, e.g. `POST /api/events`. */
  readonly endpoint: string

  constructor(message: string, endpoint: string, options?: { cause?: unknown }) {
    super(message, options)
    this.endpoint = endpoint
  }
}

/** Why a retryable call failed. */
export type RetryableReason = 'rate-limited' | 'server-error' | 'network' | 'timeout'

/**
 * A call that may succeed if tried again later: 429, 5xx, a network error or our own timeout.
 * Nothing was changed in Klaviyo for 429; for the others it may have been, which is why every write
 * carries an idempotency key (`unique_id`, email + external id).
 */
export class KlaviyoRetryableError extends KlaviyoError {
  override name = 'KlaviyoRetryableError'
  readonly retryable = true
  readonly reason: RetryableReason
  readonly status: number | undefined
  /** How long Klaviyo asked us to wait (`Retry-After`), in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined

  constructor(
    init: { endpoint: string; reason: RetryableReason; status?: number; retryAfterMs?: number; message: string },
    options?: { cause?: unknown },
  ) {
    super(init.message, init.endpoint, options)
    this.reason = init.reason
    this.status = init.status
    this.retryAfterMs = init.retryAfterMs
  }
}

/** A call Klaviyo refused for good (a 4xx other than 429): retrying the same request cannot help. */
export class KlaviyoRejectedError extends KlaviyoError {
  override name = 'KlaviyoRejectedError'
  readonly retryable = false
  readonly status: number
  readonly details: KlaviyoErrorDetail[]
  /** Klaviyo's reason, from its error details. */
  readonly reason: string

  constructor(init: { endpoint: string; status: number; details: KlaviyoErrorDetail[] }, options?: { cause?: unknown }) {
    const reason = init.details.map((d) => d.detail || d.title).join('; ') || 'no detail given'
    super(`Klaviyo rejected ${init.endpoint} with ${init.status}: ${reason}`, init.endpoint, options)
    this.status = init.status
    this.details = init.details
    this.reason = reason
  }
}

/** The parts of an axios error this module reads; the SDK's errors are axios errors. */
interface HttpFailure {
  isAxiosError: true
  code?: string
  message: string
  response?: { status: number; headers?: Record<string, unknown>; data?: unknown }
}

function isHttpFailure(error: unknown): error is HttpFailure {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true
}

/**
 * Milliseconds to wait from a `Retry-After` header: delta seconds or an HTTP date. `undefined` when
 * absent or unreadable; never negative.
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (typeof text !== 'string' && typeof text !== 'number') return undefined
  const trimmed = String(text).trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

/** Reads Klaviyo's JSON:API error body; tolerant of anything else a proxy might answer. */
export function errorDetails(body: unknown): KlaviyoErrorDetail[] {
  const errors = (body as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors)) return []
  return errors.map((raw: Record<string, unknown>) => {
    const source = (raw.source ?? {}) as Record<string, unknown>
    return {
      code: String(raw.code ?? ''),
      title: String(raw.title ?? ''),
      detail: String(raw.detail ?? ''),
      ...(typeof source.pointer === 'string' ? { pointer: source.pointer } : {}),
      ...(typeof source.parameter === 'string' ? { parameter: source.parameter } : {}),
    }
  })
}

/**
 * Turns whatever a call threw into a typed error: 429/5xx/408, network errors and our own timeout are
 * retryable; other 4xx are not and carry Klaviyo's detail. Anything that is not an HTTP failure (a bug,
 * a serialisation error) is returned unchanged so it is not mistaken for Klaviyo's answer.
 */
export function classifyKlaviyoFailure(
  error: unknown,
  context: { endpoint: string; timedOut: boolean; timeoutMs: number; nowMs: number },
): unknown {
  const { endpoint } = context
  if (context.timedOut) {
    return new KlaviyoRetryableError(
      { endpoint, reason: 'timeout', message: `Klaviyo ${endpoint} did not answer within ${context.timeoutMs} ms` },
      { cause: error },
    )
  }
  if (!isHttpFailure(error)) return error
  const response = error.response
  if (!response) {
    return new KlaviyoRetryableError(
      { endpoint, reason: 'network', message: `Klaviyo ${endpoint} failed before an answer: ${error.code ?? error.message}` },
      { cause: error },
    )
  }
  const { status } = response
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers?.['retry-after'], context.nowMs)
    const reason: RetryableReason = status === 429 ? 'rate-limited' : status === 408 ? 'timeout' : 'server-error'
    const details = errorDetails(response.data)
      .map((d) => d.detail)
      .join('; ')
    return new KlaviyoRetryableError(
      {
        endpoint,
        reason,
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        message: `Klaviyo ${endpoint} answered ${status}${details ? `: ${details}` : ''}`,
      },
      { cause: error },
    )
  }
  return new KlaviyoRejectedError({ endpoint, status, details: errorDetails(response.data) }, { cause: error })
}
