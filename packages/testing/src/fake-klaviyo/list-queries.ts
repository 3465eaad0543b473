import type { HandlerResult } from './handlers.ts'
import type { FilterCondition } from './filter.ts'
import type { FakeEvent, FakeMetric, FakeProfile } from './state.ts'

// Cursor pages and filter matching as Klaviyo's list endpoints answer them.

export function page<T>(
  items: T[],
  query: URLSearchParams,
  defaultSize: number,
  origin: string,
  path: string,
  render: (item: T) => unknown,
): HandlerResult {
  const size = Number(query.get('page[size]') ?? defaultSize)
  const offset = decodeCursor(query.get('page[cursor]'))
  const slice = items.slice(offset, offset + size)
  const link = (cursor: number): string => {
    const next = new URLSearchParams(query)
    next.set('page[cursor]', Buffer.from(`o:${cursor}`).toString('base64url'))
    return `${origin}${path}?${next.toString()}`
  }
  const links: Record<string, string> = { self: `${origin}${path}?${query.toString()}` }
  if (offset + size < items.length) links.next = link(offset + size)
  if (offset > 0) links.prev = link(Math.max(0, offset - size))
  return { status: 200, body: { data: slice.map(render), links } }
}

function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())
  return match ? Number(match[1]) : 0
}

function compare(actual: number, operator: string, expected: number): boolean {
  switch (operator) {
    case 'greater-or-equal':
      return actual >= expected
    case 'greater-than':
      return actual > expected
    case 'less-or-equal':
      return actual <= expected
    case 'less-than':
      return actual < expected
    default:
      return actual === expected
  }
}

export function eventMatches(event: FakeEvent, { field, operator, value }: FilterCondition): boolean {
  if (field === 'metric_id') return Array.isArray(value) ? value.includes(event.metricId) : value === event.metricId
  if (field === 'profile_id') return value === event.profileId
  if (field === 'datetime' && value instanceof Date) return compare(event.datetime.getTime(), operator, value.getTime())
  if (field === 'timestamp' && typeof value === 'number') return compare(event.datetime.getTime() / 1000, operator, value)
  return true
}

export function profileMatches(profile: FakeProfile, { field, operator, value }: FilterCondition): boolean {
  const actual =
    field === 'id'
      ? profile.id
      : field === 'email'
        ? profile.email
        : field === 'external_id'
          ? profile.externalId
          : field === 'phone_number'
            ? profile.phoneNumber
            : undefined
  if (actual === undefined) return true
  const wanted = (Array.isArray(value) ? value : [value]).map((v) => (field === 'email' && typeof v === 'string' ? v.toLowerCase() : v))
  return operator === 'any' || Array.isArray(value) ? wanted.includes(actual) : wanted[0] === actual
}

export function metricMatches(metric: FakeMetric, { field, value }: FilterCondition): boolean {
  if (field === 'integration.name') return metric.integration.name === value
  if (field === 'integration.category') return metric.integration.category === value
  return true
}
