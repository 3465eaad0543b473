import { z } from 'zod'

/** Lower-cases and trims an email so guest checkouts and accounts of one person match. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** An email address, normalised. */
export const emailSchema = z.string().trim().email('must be an email address').transform(normaliseEmail)
