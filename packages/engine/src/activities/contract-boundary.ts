import type { ActivitiesOf, ActivityContract, ActivityImplementations } from '@crosswise/journeys'
import { ApplicationFailure } from '@temporalio/common'
import type { z } from 'zod'

function parsed<S extends z.ZodType>(schema: S, value: unknown, what: string, type: string): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const detail = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
  throw ApplicationFailure.nonRetryable(`${what}: ${detail}`, type)
}

/**
 * Puts activities behind their contracts: every input is parsed before the implementation runs and
 * every output before it leaves. Input that does not match can never succeed, and an output that
 * does not match is a bug a retry repeats, so both fail the activity for good (non-retryable) instead
 * of being retried for a day.
 */
export function withContracts<C extends Record<string, ActivityContract>>(
  contracts: C,
  implementations: ActivityImplementations<C>,
): ActivitiesOf<C> {
  const bound: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const [name, contract] of Object.entries(contracts)) {
    const implementation = implementations[name as keyof C] as (input: unknown) => Promise<unknown>
    bound[name] = async (raw) => {
      const input = parsed(contract.input, raw, 'Invalid activity input', 'InvalidInput')
      return parsed(contract.output, await implementation(input), `Invalid ${name} output`, 'InvalidOutput')
    }
  }
  return bound as ActivitiesOf<C>
}
