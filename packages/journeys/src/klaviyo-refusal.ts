import { ActivityFailure, ApplicationFailure, patched } from '@temporalio/workflow'
import type { Journey } from './journey.ts'
import type { EndReason } from './journey-state.ts'

// The failure type the worker gives a call Klaviyo refused for good (a 4xx other than 429: a revoked
// key, say); it is the name of the klaviyo package's KlaviyoRejectedError.
const refusedType = 'KlaviyoRejectedError'

// klaviyo-refusal-ends-journey-2026-11-25-issue-6: a refused consent check or engagement read used to
// fail the whole execution; new runs end the journey instead. Asked only on that failure, so runs that
// never meet one record no marker and keep replaying as before.
const refusalEndsJourney = 'klaviyo-refusal-ends-journey-2026-11-25-issue-6'

/** Klaviyo's answer when an activity failed because Klaviyo refused the call for good. */
function klaviyoRefusal(error: unknown): string | undefined {
  if (!(error instanceof ActivityFailure) || !(error.cause instanceof ApplicationFailure)) return undefined
  const { type, nonRetryable, message } = error.cause
  return type === refusedType && nonRetryable ? message : undefined
}

/**
 * How a journey ends when Klaviyo refused a check it depends on (consent, engagement): `klaviyo-refused`
 * with Klaviyo's answer in the state. Undefined for any other failure, and when replaying a run that
 * failed here before the patch (it fails again, as recorded).
 */
export function endOnKlaviyoRefusal(journey: Journey, error: unknown): EndReason | undefined {
  const refusal = klaviyoRefusal(error)
  if (refusal === undefined || !patched(refusalEndsJourney)) return undefined
  journey.state.failure = refusal
  return 'klaviyo-refused'
}
