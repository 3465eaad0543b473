import { describe, expect, it } from 'vitest'
import type { RecordedOrder } from '../replay/recorded-orders.ts'
import type { SimulationCase } from './simulation-cases.ts'
import { simulationTimeline, timeMapping, toWorkflowTime } from './simulation-timeline.ts'

const day = 86_400_000
const order = (orderId: string, placedAt: number): RecordedOrder => ({ orderId, customerId: 'c', placedAt, lines: [] })
const cases: SimulationCase[] = [
  { customerId: 'a', trigger: order('a1', 100 * day), next: order('a2', 101 * day) },
  { customerId: 'b', trigger: order('b1', 90 * day), next: order('b2', 130 * day) },
]
const workflowStart = Date.UTC(2026, 11, 1)

describe('timeMapping', () => {
  it('puts the earliest trigger just after the clock starts and keeps every gap', () => {
    const mapping = timeMapping(cases, workflowStart, 60_000)
    expect(toWorkflowTime(mapping, 90 * day)).toBe(workflowStart + 60_000)
    expect(toWorkflowTime(mapping, 130 * day) - toWorkflowTime(mapping, 100 * day)).toBe(30 * day)
  })
})

describe('simulationTimeline', () => {
  const mapping = timeMapping(cases, workflowStart)
  const timeline = simulationTimeline(cases, mapping)

  it('has a trigger, a fulfilment and a next order per case, earliest first', () => {
    expect(timeline).toHaveLength(6)
    expect(timeline.map((event) => event.atMs)).toEqual([...timeline.map((event) => event.atMs)].sort((a, b) => a - b))
    expect(timeline[0]).toMatchObject({ kind: 'trigger', caseIndex: 1 })
  })

  it('fulfils each trigger one to three days after it, the same way every run', () => {
    for (const [caseIndex, simulated] of cases.entries()) {
      const fulfillment = timeline.find((event) => event.kind === 'fulfillment' && event.caseIndex === caseIndex)!
      const shipsAfter = fulfillment.atMs - toWorkflowTime(mapping, simulated.trigger.placedAt)
      expect(shipsAfter).toBeGreaterThanOrEqual(day)
      expect(shipsAfter).toBeLessThanOrEqual(3 * day)
    }
    expect(simulationTimeline(cases, mapping)).toEqual(timeline)
  })

  it('delivers a next order that comes before the fulfilment in its place', () => {
    const quick: SimulationCase[] = [{ customerId: 'q', trigger: order('q1', 0), next: order('q2', 60_000 * 10) }]
    expect(simulationTimeline(quick, timeMapping(quick, workflowStart)).map((event) => event.kind)).toEqual([
      'trigger',
      'next-order',
      'fulfillment',
    ])
  })
})
