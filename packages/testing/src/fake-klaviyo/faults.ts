import { z } from 'zod'

/**
 * A failure the fake can be told to produce: a 429 with `Retry-After` (seconds), a 5xx, a refusal
 * (a 4xx with Klaviyo's error detail), an answer delayed by `delayMs`, or a request that never gets an answer.
 */
export const fakeFaultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate-limit'), retryAfterSeconds: z.number().int().min(0).default(1) }),
  z.object({ kind: z.literal('server-error'), status: z.number().int().min(500).max(599).default(503) }),
  z.object({
    kind: z.literal('rejected'),
    status: z
      .number()
      .int()
      .min(400)
      .max(499)
      .refine((status) => status !== 429, '429 is the rate-limit fault')
      .default(400),
    detail: z.string().min(1).default('Injected refusal.'),
  }),
  z.object({ kind: z.literal('slow'), delayMs: z.number().int().min(0) }),
  z.object({ kind: z.literal('hang') }),
])

/** One failure the fake can produce; see {@link fakeFaultSchema}. */
export type FakeFault = z.infer<typeof fakeFaultSchema>

/**
 * A fault to apply to the next `times` requests, optionally only to one operation (`create_event`)
 * and only to requests whose body contains a text (an email address picks one customer's requests).
 */
export const faultRuleSchema = z.object({
  fault: fakeFaultSchema,
  operationId: z.string().min(1).optional(),
  bodyContains: z.string().min(1).optional(),
  times: z.number().int().min(1).default(1),
})

/** A fault rule as given by a test or the admin route; see {@link faultRuleSchema}. */
export type FaultRuleInput = z.input<typeof faultRuleSchema>

/** Pending faults in the order they were added; each request consumes at most one. */
export class FaultPlan {
  private rules: z.infer<typeof faultRuleSchema>[] = []

  add(rule: FaultRuleInput): void {
    this.rules.push(faultRuleSchema.parse(rule))
  }

  /** The fault for this request, if a pending rule matches its operation and body. */
  take(operationId: string, body: string): FakeFault | undefined {
    const rule = this.rules.find(
      (r) =>
        (r.operationId === undefined || r.operationId === operationId) && (r.bodyContains === undefined || body.includes(r.bodyContains)),
    )
    if (!rule) return undefined
    rule.times -= 1
    if (rule.times === 0) this.rules = this.rules.filter((r) => r !== rule)
    return rule.fault
  }

  clear(): void {
    this.rules = []
  }
}
