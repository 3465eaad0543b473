import type { z } from 'zod'
import type { sendWindowSchema } from './journey-policy.ts'

/** Local hours and weekdays in which cross-sell emails may be sent (see `sendWindowSchema`). */
export type SendWindow = z.infer<typeof sendWindowSchema>

const hourMs = 60 * 60 * 1000
const weekdayNumbers: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

// Building a formatter is the expensive part of Intl; journeys ask about few zones, so keep them.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    })
    formatters.set(timeZone, format)
  }
  return format
}

/** Wall-clock reading of an instant in a zone. */
interface LocalTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
}

function localTime(instantMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {}
  for (const part of formatter(timeZone).formatToParts(instantMs)) parts[part.type] = part.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: weekdayNumbers[parts.weekday ?? ''] ?? 0,
  }
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(instantMs: number, timeZone: string): number {
  const local = localTime(instantMs, timeZone)
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  return wall - Math.floor(instantMs / 1000) * 1000
}

/**
 * The first instant at or after local `hour`:00 on a local date. Where DST skips that hour (spring
 * forward), it is the first instant after the gap; where the hour repeats (fall back), the earlier one.
 */
function startOfLocalHour(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour)
  // Two passes settle the offset even when the guess lands on the other side of a transition.
  let instant = wall - offsetMs(wall, timeZone)
  instant = wall - offsetMs(instant, timeZone)
  const earlier = instant - hourMs
  if (wall - offsetMs(earlier, timeZone) === earlier) instant = Math.min(instant, earlier)
  // In a gap the wall time does not exist: step forward until the local clock has passed it.
  while (localTime(instant, timeZone).hour < hour && localTime(instant, timeZone).day === day) instant += 15 * 60 * 1000
  return instant
}

function inWindow(local: LocalTime, window: SendWindow): boolean {
  return window.weekdays.includes(local.weekday) && local.hour >= window.startHour && local.hour < window.endHour
}

/** Whether an IANA zone name is one this runtime knows (`Europe/Berlin` yes, `Mars/Olympus` no). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

/**
 * The first moment at or after `earliestMs` (epoch ms) that lies inside the send window in the given
 * IANA zone: an allowed weekday, local hour in `[startHour, endHour)`. DST-aware: local hours are
 * read through `Intl`, so "9:00 in Berlin" is 8:00 UTC in winter and 7:00 UTC in summer. Pure and
 * deterministic for a given tz database, so workflow code may call it.
 *
 * @example nextSendTime(Date.parse('2026-03-28T22:00:00Z'), { startHour: 9, endHour: 20, weekdays: [1, 2, 3, 4, 5], defaultTimeZone: 'UTC' }, 'Europe/Berlin')
 *   // → Monday 2026-03-30 09:00 Berlin (07:00Z, summer time)
 */
export function nextSendTime(earliestMs: number, window: SendWindow, timeZone: string): number {
  const now = localTime(earliestMs, timeZone)
  if (inWindow(now, window)) return earliestMs
  // Walk local calendar days from today; a week (plus a DST day) always reaches an allowed weekday.
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(now.year, now.month - 1, now.day + offset))
    // The calendar date's own weekday: skip disallowed days without asking Intl.
    if (!window.weekdays.includes(date.getUTCDay() === 0 ? 7 : date.getUTCDay())) continue
    const start = startOfLocalHour(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), window.startHour, timeZone)
    if (start < earliestMs) continue
    const local = localTime(start, timeZone)
    if (inWindow(local, window)) return start
  }
  throw new Error(`No send window found after ${new Date(earliestMs).toISOString()} in ${timeZone}`)
}
