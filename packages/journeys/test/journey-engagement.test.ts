import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { day, instantPolicy, JourneyHarness, pairing } from './journey-harness.ts'

const engagementPolicy = {
  ...instantPolicy,
  maxEmailsPerJourney: 3,
  engagement: { waitMs: 4 * day, followUpDelayMs: 2 * day, pollIntervalMs: day, onNotOpened: 'alternative-pairing' as const },
}
const none = { opened: false, clicked: false, purchased: false }
const opened = { opened: true, clicked: false, purchased: false }
const clicked = { opened: true, clicked: true, purchased: false }
const purchased = { opened: true, clicked: true, purchased: true }

describe('crossSellJourney: engagement branches', () => {
  let harness: JourneyHarness
  beforeAll(async () => {
    harness = await JourneyHarness.start()
  })
  afterAll(async () => harness?.stop())

  it('records a conversion and ends when the customer buys', async () => {
    const journey = harness.journey({ policy: engagementPolicy, engagement: [none, purchased] })
    await journey.order('1001')
    await journey.fulfil('1001')
    expect(await journey.result()).toMatchObject({ reason: 'converted', emailsSent: 1, pairingIds: ['pairing-1'] })
    expect(journey.calls('fetchEngagement')).toHaveLength(2)
    expect(journey.calls('recordConversion')[0]!.input).toMatchObject({
      sendKey: `${journey.storeId}:1001:email-1`,
      pairingId: 'pairing-1',
    })
  })

  it('counts an order with a recommended product as a conversion the moment it arrives', async () => {
    const journey = harness.journey({ policy: { ...engagementPolicy, onRepeatPurchase: 'end' }, pairings: [pairing('kettle')] })
    await journey.order('2001')
    await journey.fulfil('2001')
    await journey.wait(day / 2)
    await journey.order('2002', ['kettle-a'])
    expect(await journey.result()).toMatchObject({ reason: 'converted', emailsSent: 1 })
    expect(journey.calls('fetchEngagement')).toEqual([])
    expect(journey.calls('recordConversion')[0]!.input).toMatchObject({ purchaseOrderId: '2002', pairingId: 'kettle' })
  })

  it('follows a click without a purchase with the same pairing after the follow-up delay', async () => {
    const journey = harness.journey({ policy: engagementPolicy, engagement: [clicked, clicked] })
    await journey.order('3001')
    await journey.fulfil('3001')
    expect(await journey.result()).toMatchObject({ reason: 'not-purchased', emailsSent: 2, pairingIds: ['pairing-1', 'pairing-1'] })
    const [first, followUp] = journey.sends()
    expect(followUp!.input).toMatchObject({ kind: 'follow-up', sendKey: `${journey.storeId}:3001:email-2` })
    // The click was read at the first poll, one day after the send; the follow-up waits two more.
    expect(followUp!.atMs - first!.atMs).toBeGreaterThanOrEqual(3 * day)
    expect(journey.calls('pickPairing')).toHaveLength(1)
  })

  it('tries one alternative pairing when the email was not opened, then ends', async () => {
    const journey = harness.journey({ policy: engagementPolicy })
    await journey.order('4001')
    await journey.fulfil('4001')
    expect(await journey.result()).toMatchObject({ reason: 'not-opened', emailsSent: 2, pairingIds: ['pairing-1', 'pairing-2'] })
    expect(journey.sends()[1]!.input).toMatchObject({ kind: 'alternative' })
    expect(journey.calls('pickPairing')[1]!.input).toMatchObject({ excludePairingIds: ['pairing-1'] })
    // Four polls per email: the whole wait was used before deciding it was not opened.
    expect(journey.calls('fetchEngagement')).toHaveLength(8)
  })

  it('ends after an unopened email when the policy says so', async () => {
    const journey = harness.journey({ policy: { ...engagementPolicy, engagement: { ...engagementPolicy.engagement, onNotOpened: 'end' } } })
    await journey.order('5001')
    await journey.fulfil('5001')
    expect(await journey.result()).toMatchObject({ reason: 'not-opened', emailsSent: 1 })
  })

  it('ends after an opened email that got no click', async () => {
    const journey = harness.journey({ policy: engagementPolicy, engagement: [opened, opened, opened, opened] })
    await journey.order('6001')
    await journey.fulfil('6001')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
  })

  it('never sends more than the journey’s email limit', async () => {
    const journey = harness.journey({ policy: { ...engagementPolicy, maxEmailsPerJourney: 1 }, engagement: [clicked] })
    await journey.order('7001')
    await journey.fulfil('7001')
    expect(await journey.result()).toMatchObject({ reason: 'email-limit', emailsSent: 1 })
  })

  it('checks the guards again before the follow-up', async () => {
    const journey = harness.journey({
      policy: engagementPolicy,
      engagement: [clicked],
      checks: [{ verdict: 'clear' }, { verdict: 'no-consent', reason: 'suppressed' }],
    })
    await journey.order('8001')
    await journey.fulfil('8001')
    expect(await journey.result()).toMatchObject({ reason: 'no-consent', emailsSent: 1 })
    expect(journey.calls('checkBeforeSend').map((call) => call.input.sendKey)).toEqual([
      `${journey.storeId}:8001:email-1`,
      `${journey.storeId}:8001:email-2`,
    ])
  })
})
