import { WorkflowFailedError } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JourneyHarness, type JourneyUnderTest } from './journey-harness.ts'

const refusedType = 'KlaviyoRejectedError'

const refusalPatch = 'klaviyo-refusal-ends-journey-2026-11-25-issue-6'

/** The refusal patch's markers in a journey's history: a run that met no refusal must record none. */
async function markers(journey: JourneyUnderTest): Promise<number> {
  const history = await journey.handle().fetchHistory()
  return (history.events ?? []).filter((event) => {
    const marker = event.markerRecordedEventAttributes
    const data = marker?.details?.['patch-data']?.payloads?.[0]?.data
    return marker?.markerName === 'core_patch' && data && Buffer.from(data).toString().includes(refusalPatch)
  }).length
}

describe('crossSellJourney: Klaviyo refusing a check the journey depends on', () => {
  let harness: JourneyHarness
  beforeAll(async () => {
    harness = await JourneyHarness.start()
  })
  afterAll(async () => harness?.stop())

  it("ends with klaviyo-refused when the consent check is refused, with Klaviyo's answer in the state", async () => {
    const journey = harness.journey({ checkFailure: refusedType })
    await journey.order('1001')
    await journey.fulfil('1001')
    expect(await journey.result()).toMatchObject({ reason: 'klaviyo-refused', emailsSent: 0 })
    expect(await journey.state()).toMatchObject({
      stage: 'ended',
      outcome: 'klaviyo-refused',
      failure: expect.stringContaining('with 401'),
    })
    expect(journey.calls('checkBeforeSend')).toHaveLength(1)
    expect(journey.calls('pickPairing')).toEqual([])
    expect(journey.sends()).toEqual([])
    expect(await markers(journey)).toBe(1)
  })

  it('ends with klaviyo-refused when the engagement read after a send is refused', async () => {
    const journey = harness.journey({ engagementFailure: refusedType })
    await journey.order('2001')
    await journey.fulfil('2001')
    expect(await journey.result()).toMatchObject({ reason: 'klaviyo-refused', emailsSent: 1 })
    expect((await journey.state()).failure).toContain('with 403')
    expect(journey.calls('fetchEngagement')).toHaveLength(1)
    expect(await markers(journey)).toBe(1)
  })

  it('still fails the run on any other non-retryable failure of the check', async () => {
    const journey = harness.journey({ checkFailure: 'InvalidInput' })
    await journey.order('3001')
    await journey.fulfil('3001')
    await expect(journey.result()).rejects.toBeInstanceOf(WorkflowFailedError)
    expect(journey.sends()).toEqual([])
  })

  it('records no marker in a run that meets no refusal', async () => {
    const journey = harness.journey({ engagement: [{ opened: true, clicked: false, purchased: false }] })
    await journey.order('4001')
    await journey.fulfil('4001')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
    expect(await markers(journey)).toBe(0)
  })
})
