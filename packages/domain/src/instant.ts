import { z } from 'zod'

const earliestMs = Date.UTC(1970, 0, 1)
const latestMs = Date.UTC(2100, 0, 1)

/**
 * A moment of commerce: an ISO 8601 date-time with its offset (or a date, read as midnight UTC),
 * between 1970 and 2100. Never a number, boolean or null: `new Date(null)` is 1970, and a year 0 or
 * 10000 breaks every later computation with the order.
 */
export const instantSchema = z
  .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'must be an ISO 8601 date-time such as 2026-11-20T10:00:00Z',
  })
  .transform((value) => new Date(typeof value === 'string' && value.length === 10 ? `${value}T00:00:00Z` : value))
  .refine((date) => date.getTime() >= earliestMs && date.getTime() < latestMs, 'must be between 1970 and 2100')

/** Whether a moment lies in the years `instantSchema` accepts. */
export function isWithinEra(date: Date): boolean {
  return date.getTime() >= earliestMs && date.getTime() < latestMs
}
