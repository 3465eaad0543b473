import type { EngagementEvent, EngagementKind } from './gateway.ts'

/** Klaviyo's own metric behind each engagement kind (integration "Klaviyo"). */
export const engagementMetricNames: Readonly<Record<EngagementKind, string>> = {
  opened: 'Opened Email',
  clicked: 'Clicked Email',
}

/**
 * The `GET /api/events` filter for one metric of one profile since a time. Conditions separated by
 * commas are joined with AND; `datetime` takes an unquoted ISO 8601 value.
 */
export function engagementFilter(metricId: string, profileId: string, since: Date): string {
  return `equals(metric_id,${JSON.stringify(metricId)}),equals(profile_id,${JSON.stringify(profileId)}),greater-or-equal(datetime,${since.toISOString()})`
}

/** An event as the SDK returns it from `getEvents` (camelCase, dates parsed). */
export interface SdkEvent {
  id?: string
  attributes?: { datetime?: Date | string | null; eventProperties?: object | null }
}

/** Maps one SDK event to the journey's view of an open or click. */
export function toEngagementEvent(kind: EngagementKind, event: SdkEvent): EngagementEvent {
  const properties = (event.attributes?.eventProperties ?? {}) as Record<string, unknown>
  const datetime = event.attributes?.datetime
  const text = (key: string): string | undefined => {
    const value = properties[key]
    return typeof value === 'string' && value.length > 0 ? value : undefined
  }
  const flowId = text('$flow')
  const messageId = text('$message')
  const url = text('URL')
  return {
    id: event.id ?? '',
    kind,
    at: datetime ? new Date(datetime).toISOString() : new Date(0).toISOString(),
    ...(flowId ? { flowId } : {}),
    ...(messageId ? { messageId } : {}),
    ...(url ? { url } : {}),
  }
}
