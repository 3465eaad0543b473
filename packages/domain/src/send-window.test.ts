import { describe, expect, it } from 'vitest'
import { isKnownTimeZone, nextSendTime, type SendWindow } from './send-window.ts'

const everyDay: SendWindow = { startHour: 9, endHour: 20, weekdays: [1, 2, 3, 4, 5, 6, 7], defaultTimeZone: 'UTC' }
const weekdays: SendWindow = { ...everyDay, weekdays: [1, 2, 3, 4, 5] }
const at = (iso: string) => Date.parse(iso)
const iso = (ms: number) => new Date(ms).toISOString()

describe('nextSendTime', () => {
  it('keeps a moment that is already inside the window', () => {
    expect(iso(nextSendTime(at('2026-06-10T12:34:56Z'), everyDay, 'UTC'))).toBe('2026-06-10T12:34:56.000Z')
  })

  it('moves an early-morning moment to the window opening the same local day', () => {
    // 05:00 in New York (EDT, UTC-4) → 09:00 local = 13:00Z.
    expect(iso(nextSendTime(at('2026-06-10T09:00:00Z'), everyDay, 'America/New_York'))).toBe('2026-06-10T13:00:00.000Z')
  })

  it('moves an evening moment to the next local morning', () => {
    // 21:00 in Tokyo (UTC+9) → 09:00 next day = 00:00Z.
    expect(iso(nextSendTime(at('2026-06-10T12:00:00Z'), everyDay, 'Asia/Tokyo'))).toBe('2026-06-11T00:00:00.000Z')
  })

  it('treats the closing hour as outside the window', () => {
    expect(iso(nextSendTime(at('2026-06-10T20:00:00Z'), everyDay, 'UTC'))).toBe('2026-06-11T09:00:00.000Z')
    expect(iso(nextSendTime(at('2026-06-10T19:59:59Z'), everyDay, 'UTC'))).toBe('2026-06-10T19:59:59.000Z')
  })

  it('skips weekdays that are not allowed, judged by the local date', () => {
    // Friday 2026-06-12 23:00 in Berlin is already Saturday → Monday 09:00 CEST = 07:00Z.
    expect(iso(nextSendTime(at('2026-06-12T22:00:00Z'), weekdays, 'Europe/Berlin'))).toBe('2026-06-15T07:00:00.000Z')
    // Saturday 04:00 UTC is still Friday in Los Angeles (21:00), after the window → Monday 09:00 PDT.
    expect(iso(nextSendTime(at('2026-06-13T04:00:00Z'), weekdays, 'America/Los_Angeles'))).toBe('2026-06-15T16:00:00.000Z')
  })

  it('follows the DST switch: 9:00 Berlin is 08:00Z before and 07:00Z after spring forward', () => {
    // Saturday 2026-03-28 22:00Z (23:00 CET); clocks go forward on Sunday 2026-03-29 at 02:00.
    expect(iso(nextSendTime(at('2026-03-28T22:00:00Z'), everyDay, 'Europe/Berlin'))).toBe('2026-03-29T07:00:00.000Z')
    expect(iso(nextSendTime(at('2026-03-27T22:00:00Z'), everyDay, 'Europe/Berlin'))).toBe('2026-03-28T08:00:00.000Z')
    // And back in autumn: Sunday 2026-10-25 clocks fall back at 03:00 → 9:00 CET = 08:00Z.
    expect(iso(nextSendTime(at('2026-10-24T22:00:00Z'), everyDay, 'Europe/Berlin'))).toBe('2026-10-25T08:00:00.000Z')
  })

  it('opens at the first instant after a skipped local hour', () => {
    // A window opening at 02:00 on the spring-forward night starts at 03:00 CEST = 01:00Z.
    const night: SendWindow = { ...everyDay, startHour: 2, endHour: 5 }
    expect(iso(nextSendTime(at('2026-03-28T23:30:00Z'), night, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z')
  })

  it('handles zones with half-hour offsets', () => {
    // 09:00 in Kolkata (UTC+5:30) = 03:30Z.
    expect(iso(nextSendTime(at('2026-06-10T00:00:00Z'), everyDay, 'Asia/Kolkata'))).toBe('2026-06-10T03:30:00.000Z')
  })

  // A year of start times in six zones: thousands of Intl look-ups, slow on a loaded CI machine.
  it('never answers earlier than asked and always lands inside the window', { timeout: 120_000 }, () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu']
    const window: SendWindow = { startHour: 10, endHour: 12, weekdays: [2, 4], defaultTimeZone: 'UTC' }
    const formats = new Map(
      zones.map((zone) => [
        zone,
        new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: 'numeric', weekday: 'short' }),
      ]),
    )
    const local = (ms: number, zone: string) =>
      Object.fromEntries(
        formats
          .get(zone)!
          .formatToParts(ms)
          .map((part) => [part.type, part.value]),
      )
    for (const zone of zones) {
      for (let ms = at('2026-01-01T00:00:00Z'); ms < at('2027-01-01T00:00:00Z'); ms += 29 * 3_600_000 + 13 * 60_000) {
        const next = nextSendTime(ms, window, zone)
        expect(next).toBeGreaterThanOrEqual(ms)
        const parts = local(next, zone)
        expect(['Tue', 'Thu']).toContain(parts.weekday)
        expect(Number(parts.hour)).toBeGreaterThanOrEqual(10)
        expect(Number(parts.hour)).toBeLessThan(12)
      }
    }
  })
})

describe('isKnownTimeZone', () => {
  it('knows IANA zones and rejects made-up ones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true)
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false)
  })
})
