import { segmentSchema, type Segment } from '@crosswise/domain'
import { customerSegmentAttribute } from '@crosswise/journeys'
import type { WorkflowHandle } from '@temporalio/client'

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>
type Payload = { data?: Uint8Array | null } | null | undefined
type Timestamp = { seconds?: { toString(): string } | number | null; nanos?: number | null } | null | undefined

/** What one journey run did, read from its Temporal history (times on the workflow clock). */
export interface JourneyRunFacts {
  segment?: Segment
  /** Time of the run's last event (epoch ms, workflow clock): when it ended, for a closed run. */
  lastEventMs: number
}

const json = (payload: Payload): unknown => (payload?.data ? JSON.parse(Buffer.from(payload.data).toString('utf8')) : undefined)
const epochMs = (time: Timestamp): number => Number(String(time?.seconds ?? 0)) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6)

/** Reads a journey run's segment (its last `CustomerSegment` search attribute) and when it last moved. */
export function journeyRunFacts(history: History): JourneyRunFacts {
  const facts: JourneyRunFacts = { lastEventMs: 0 }
  for (const event of history.events ?? []) {
    facts.lastEventMs = Math.max(facts.lastEventMs, epochMs(event.eventTime))
    const upserted = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.[customerSegmentAttribute.name]
    const segment = segmentSchema.safeParse(json(upserted))
    if (segment.success) facts.segment = segment.data
  }
  return facts
}
