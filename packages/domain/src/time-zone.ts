import { z } from 'zod'

function isIanaZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/** An IANA time zone name this runtime knows, such as `Europe/Berlin` or `UTC`. */
export const timeZoneSchema = z.string().trim().min(1).max(64).refine(isIanaZone, 'must be an IANA time zone such as "Europe/Berlin"')
