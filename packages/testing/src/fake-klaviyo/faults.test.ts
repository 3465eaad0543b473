import { describe, expect, it } from 'vitest'
import { FaultPlan } from './faults.ts'

describe('FaultPlan', () => {
  it("aims a fault at one operation and one customer's requests, as many times as told", () => {
    const plan = new FaultPlan()
    plan.add({
      operationId: 'create_event',
      bodyContains: 'ada@example.com',
      times: 2,
      fault: { kind: 'rejected', detail: 'Bad profile.' },
    })
    expect(plan.take('create_event', '{"email":"grace@example.com"}')).toBeUndefined()
    expect(plan.take('create_or_update_profile', '{"email":"ada@example.com"}')).toBeUndefined()
    expect(plan.take('create_event', '{"email":"ada@example.com"}')).toEqual({ kind: 'rejected', status: 400, detail: 'Bad profile.' })
    expect(plan.take('create_event', '{"email":"ada@example.com"}')).toMatchObject({ kind: 'rejected' })
    expect(plan.take('create_event', '{"email":"ada@example.com"}')).toBeUndefined()
  })

  it('refuses a 429 or a 5xx as a refusal: those have faults of their own', () => {
    const plan = new FaultPlan()
    expect(() => plan.add({ fault: { kind: 'rejected', status: 429 } })).toThrow()
    expect(() => plan.add({ fault: { kind: 'rejected', status: 503 } })).toThrow()
  })
})
