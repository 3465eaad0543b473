// History events Temporal Cloud bills as actions (docs.temporal.io, "Actions"): starts, signals,
// activity and timer starts, search attribute and property upserts, markers, child and external
// workflow calls, accepted updates. Activity retries bill one action per extra attempt.
const billedAttributes = [
  'workflowExecutionStartedEventAttributes',
  'workflowExecutionSignaledEventAttributes',
  'activityTaskScheduledEventAttributes',
  'timerStartedEventAttributes',
  'upsertWorkflowSearchAttributesEventAttributes',
  'workflowPropertiesModifiedEventAttributes',
  'markerRecordedEventAttributes',
  'startChildWorkflowExecutionInitiatedEventAttributes',
  'signalExternalWorkflowExecutionInitiatedEventAttributes',
  'requestCancelExternalWorkflowExecutionInitiatedEventAttributes',
  'workflowExecutionUpdateAcceptedEventAttributes',
] as const

/** One history event as the client returns it: each event type fills its own attributes field. */
type HistoryEvent = Partial<Record<(typeof billedAttributes)[number], unknown>> & {
  activityTaskStartedEventAttributes?: { attempt?: number | null } | null
}

/** Billable actions and events in one run's history. */
export function countActions(events: readonly HistoryEvent[]): { actions: number; events: number } {
  let actions = 0
  for (const event of events) {
    if (billedAttributes.some((key) => event[key] != null)) actions++
    const attempt = event.activityTaskStartedEventAttributes?.attempt
    if (attempt) actions += attempt - 1
  }
  return { actions, events: events.length }
}
