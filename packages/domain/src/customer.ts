import { z } from 'zod'
import { emailSchema } from './email.ts'
import { platformIdSchema } from './platform-id.ts'
import { timeZoneSchema } from './time-zone.ts'

/**
 * A customer as a platform reports them with an order. `id` is absent for guest checkouts: a guest
 * is the same customer as an account with the same normalised email.
 */
export const customerSchema = z.object({
  /** The platform's id of the customer: never an email address, which would spread into ids that redaction cannot reach. */
  id: platformIdSchema
    .refine((id) => !id.includes('@'), "must be the platform's customer id, not an email address (leave it out for a guest)")
    .optional(),
  email: emailSchema,
  firstName: z.string().trim().max(200).optional(),
  lastName: z.string().trim().max(200).optional(),
  timeZone: timeZoneSchema.optional(),
  /** Marketing consent as the platform knows it; Klaviyo's own consent is checked before a send. */
  acceptsMarketing: z.boolean().optional(),
})
export type Customer = z.infer<typeof customerSchema>

/**
 * The email a redacted customer keeps: unique per redaction (the store's email key stays unique),
 * undeliverable (`.invalid` is a reserved domain) and free of personal data.
 */
export function redactedEmail(redactionId: string): string {
  return `redacted+${redactionId}@redacted.invalid`
}
