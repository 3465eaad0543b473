import { KlaviyoError, KlaviyoRetryableError } from '@crosswise/klaviyo'
import { ApplicationFailure } from '@temporalio/common'

/**
 * Runs a gateway call and maps its typed failure to Temporal's: a refusal (4xx other than 429) is
 * non-retryable and first handed to `onRefusal` with Klaviyo's answer (to record why); a retryable one
 * keeps Klaviyo's `Retry-After` as the next retry's delay. Anything else (a bug, a database error) is
 * left to the activity's retry policy as it is.
 */
export async function classifyGatewayFailure<T>(call: () => Promise<T>, onRefusal?: (reason: string) => Promise<void>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (!(error instanceof KlaviyoError)) throw error
    if (!error.retryable) {
      await onRefusal?.(error.message)
      throw ApplicationFailure.create({ message: error.message, type: error.name, nonRetryable: true, cause: error })
    }
    const delay = error instanceof KlaviyoRetryableError ? error.retryAfterMs : undefined
    throw ApplicationFailure.create({
      message: error.message,
      type: error.name,
      ...(delay === undefined ? {} : { nextRetryDelay: delay }),
      cause: error,
    })
  }
}
