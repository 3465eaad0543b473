import { z } from 'zod'

// Building a formatter is what tells a zone apart, and it is costly (every policy and customer zone
// an activity parses asks): known zones are remembered, and there are only a few hundred of them.
const knownZones = new Set<string>()

function isIanaZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
  } catch {
    return false
  }
  knownZones.add(timeZone)
  return true
}

/** An IANA time zone name this runtime knows, such as `Europe/Berlin` or `UTC`. */
export const timeZoneSchema = z.string().trim().min(1).max(64).refine(isIanaZone, 'must be an IANA time zone such as "Europe/Berlin"')
