import { seededRandom } from '@crosswise/domain'
import type { SimulationCase } from './simulation-cases.ts'

const day = 86_400_000

/**
 * How data time maps onto the workflow clock: one offset for every order, fulfilment and next order,
 * so gaps between them stay as they were. The earliest trigger lands `leadMs` after the clock's start,
 * every earlier order (the imported history) before it.
 */
export interface TimeMapping {
  offsetMs: number
}

/** The mapping that puts the earliest trigger of `cases` at `workflowStartMs + leadMs`. */
export function timeMapping(cases: readonly SimulationCase[], workflowStartMs: number, leadMs = 60_000): TimeMapping {
  const earliest = Math.min(...cases.map((simulated) => simulated.trigger.placedAt))
  return { offsetMs: workflowStartMs + leadMs - earliest }
}

/** A data time (epoch ms) on the workflow clock. */
export function toWorkflowTime(mapping: TimeMapping, dataTime: number): number {
  return dataTime + mapping.offsetMs
}

/** What happens to one case at one moment of workflow time. */
export interface SimulationEvent {
  /** Workflow time, epoch ms. */
  atMs: number
  /** `trigger`: the order is announced to the journey; `fulfillment`: it ships; `next-order`: the customer buys again. */
  kind: 'trigger' | 'fulfillment' | 'next-order'
  /** Index into the cases. */
  caseIndex: number
}

const kindRank = { trigger: 0, fulfillment: 1, 'next-order': 2 } as const

/**
 * Every event of the simulation in workflow time, earliest first: each trigger at its own time, its
 * fulfilment 1–3 days later (seeded, to the minute), and the customer's next order at its own time.
 */
export function simulationTimeline(cases: readonly SimulationCase[], mapping: TimeMapping, seed = 7): SimulationEvent[] {
  const rand = seededRandom(seed)
  const events: SimulationEvent[] = []
  cases.forEach((simulated, caseIndex) => {
    const placed = toWorkflowTime(mapping, simulated.trigger.placedAt)
    const shipsAfterMs = Math.round((day + rand() * 2 * day) / 60_000) * 60_000
    events.push({ atMs: placed, kind: 'trigger', caseIndex })
    events.push({ atMs: placed + shipsAfterMs, kind: 'fulfillment', caseIndex })
    events.push({ atMs: toWorkflowTime(mapping, simulated.next.placedAt), kind: 'next-order', caseIndex })
  })
  return events.sort((a, b) => a.atMs - b.atMs || kindRank[a.kind] - kindRank[b.kind] || a.caseIndex - b.caseIndex)
}
