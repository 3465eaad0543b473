import { journeyPolicySchema, type JourneyPolicy } from '@crosswise/domain'

/** Thrown when a store's stored journey policy no longer parses: no retry can fix it. */
export class InvalidPolicyError extends Error {
  override name = 'InvalidPolicyError'
}

/**
 * A store's journey policy as stored, parsed once here (defaults fill the gaps) so every reader gets
 * a `JourneyPolicy`. Throws InvalidPolicyError when the stored value does not parse.
 */
export function parseStorePolicy(storeId: string, stored: unknown): JourneyPolicy {
  const policy = journeyPolicySchema.safeParse(stored)
  if (!policy.success) throw new InvalidPolicyError(`Store ${storeId} has an invalid journey policy: ${policy.error.message}`)
  return policy.data
}
