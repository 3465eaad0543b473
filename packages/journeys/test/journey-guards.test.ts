import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stopJourneyUpdate } from '../src/index.ts'
import { day, hour, instantPolicy, JourneyHarness } from './journey-harness.ts'

const delayed = { ...instantPolicy, delayMs: { 'first-time': 5 * day, repeat: 5 * day, vip: 5 * day } }
const oneEmail = { opened: true, clicked: false, purchased: false }

describe('crossSellJourney: guards before every send', () => {
  let harness: JourneyHarness
  beforeAll(async () => {
    harness = await JourneyHarness.start()
  })
  afterAll(async () => harness?.stop())

  it('restarts from a repeat purchase made during the wait, and sends about the new order', async () => {
    const journey = harness.journey({ policy: delayed, engagement: [oneEmail] })
    await journey.order('1001')
    await journey.fulfil('1001')
    await journey.wait(2 * day)
    await journey.order('1002')
    await journey.wait(hour)
    expect((await journey.state()).triggerOrderId).toBe('1002')
    const restartedAt = await journey.now()
    await journey.fulfil('1002')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', triggerOrderId: '1002', emailsSent: 1 })
    expect(journey.sends().map((send) => send.input.sendKey)).toEqual([`${journey.storeId}:1002:email-1`])
    expect(journey.sends()[0]!.atMs).toBeGreaterThanOrEqual(restartedAt + 5 * day)
    const firstRun = await harness.client.getHandle(journey.workflowId, journey.firstRunId).describe()
    expect(firstRun.status.name).toBe('CONTINUED_AS_NEW')
  })

  it('ends on a repeat purchase when the policy says so', async () => {
    const journey = harness.journey({ policy: { ...delayed, onRepeatPurchase: 'end' } })
    await journey.order('2001')
    await journey.fulfil('2001')
    await journey.wait(day)
    await journey.order('2002')
    expect(await journey.result()).toMatchObject({ reason: 'bought-again', triggerOrderId: '2001', emailsSent: 0 })
    expect(journey.sends()).toEqual([])
  })

  it('ends on a repeat purchase only the database knows of yet (dispatch still pending)', async () => {
    const journey = harness.journey({
      policy: { ...instantPolicy, onRepeatPurchase: 'end' },
      checks: [{ verdict: 'bought-again', order: { orderId: '3002', placedAt: new Date().toISOString(), productIds: ['p9'] } }],
    })
    await journey.order('3001', ['p1'], Date.parse('2020-01-01T00:00:00Z'))
    await journey.fulfil('3001')
    expect(await journey.result()).toMatchObject({ reason: 'bought-again', emailsSent: 0 })
    expect(journey.calls('checkBeforeSend')[0]!.input).toMatchObject({ orderId: '3001', knownOrderIds: ['3001'] })
  })

  it('ignores a redelivered order signal', async () => {
    const journey = harness.journey({ engagement: [oneEmail] })
    await journey.order('4001')
    await journey.order('4001')
    await journey.fulfil('4001')
    await journey.fulfil('4001')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', triggerOrderId: '4001', emailsSent: 1 })
  })

  it('waits out the frequency cap into the send window, then sends', async () => {
    const capUntil = Date.parse('2031-01-01T00:00:00Z')
    const journey = harness.journey({ checks: [{ verdict: 'capped', notBeforeMs: capUntil }], engagement: [oneEmail] })
    await journey.order('5001')
    await journey.fulfil('5001')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
    expect(journey.calls('checkBeforeSend')).toHaveLength(2)
    expect(journey.sends()[0]!.atMs).toBeGreaterThanOrEqual(capUntil)
  })

  it('ends without a send when the cap keeps refusing', async () => {
    const capped = { verdict: 'capped' as const, notBeforeMs: 0 }
    const journey = harness.journey({ checks: [capped, capped, capped] })
    await journey.order('6001')
    await journey.fulfil('6001')
    expect(await journey.result()).toMatchObject({ reason: 'frequency-capped', emailsSent: 0 })
    expect(journey.sends()).toEqual([])
  })

  it('ends without a send when the customer cannot receive marketing email', async () => {
    const journey = harness.journey({ checks: [{ verdict: 'no-consent', reason: 'opt-in-required' }] })
    await journey.order('7001')
    await journey.fulfil('7001')
    expect(await journey.result()).toMatchObject({ reason: 'no-consent', emailsSent: 0 })
    expect(journey.sends()).toEqual([])
    expect(journey.calls('checkBeforeSend')[0]!.input).toMatchObject({ sendKey: `${journey.storeId}:7001:email-1` })
  })

  it('records a holdout customer and sends nothing', async () => {
    const journey = harness.journey({ checks: [{ verdict: 'held-out' }] })
    await journey.order('8001')
    await journey.fulfil('8001')
    expect(await journey.result()).toMatchObject({ reason: 'held-out', emailsSent: 0 })
    expect(journey.calls('pickPairing')).toEqual([])
    expect(journey.sends()).toEqual([])
  })

  it('ends when the order is cancelled, or fully refunded, but not on a partial refund', async () => {
    const cancelled = harness.journey({ policy: delayed })
    await cancelled.order('9001')
    await cancelled.cancel('9001')
    expect(await cancelled.result()).toMatchObject({ reason: 'cancelled', emailsSent: 0 })

    const refunded = harness.journey({ policy: delayed, engagement: [oneEmail] })
    await refunded.order('9002')
    await refunded.fulfil('9002')
    await refunded.refund('9002', false)
    await refunded.wait(day)
    expect((await refunded.state()).stage).toBe('waiting-to-send')
    await refunded.refund('9002', true)
    expect(await refunded.result()).toMatchObject({ reason: 'refunded', emailsSent: 0 })
  })

  it('stops on request (unsubscribe) and answers with the state', async () => {
    const journey = harness.journey({ policy: delayed })
    await journey.order('10001')
    await journey.fulfil('10001')
    await journey.wait(hour)
    const state = await journey.handle().executeUpdate(stopJourneyUpdate, { args: [{ reason: 'unsubscribed' }] })
    expect(state.stage).toBe('waiting-to-send')
    expect(await journey.result()).toMatchObject({ reason: 'stopped', emailsSent: 0 })
    await expect(journey.handle().executeUpdate(stopJourneyUpdate, { args: [{ reason: 'again' }] })).rejects.toThrow()
  })

  it('ends at once when the customer is erased', async () => {
    const journey = harness.journey({ policy: delayed })
    await journey.order('11001')
    await journey.signalWithStart('customerRedacted', { eventKey: 'redact:1' })
    expect(await journey.result()).toMatchObject({ reason: 'redacted', emailsSent: 0 })

    const known = harness.journey({ redacted: true })
    await known.order('11002')
    expect(await known.result()).toMatchObject({ reason: 'redacted', emailsSent: 0 })
  })

  it('ends when there is nothing to recommend, or the send is refused for good', async () => {
    const nothing = harness.journey({ pairings: [null] })
    await nothing.order('12001')
    await nothing.fulfil('12001')
    expect(await nothing.result()).toMatchObject({ reason: 'nothing-to-recommend', emailsSent: 0 })

    const refused = harness.journey({ sendRejected: true })
    await refused.order('12002')
    await refused.fulfil('12002')
    expect(await refused.result()).toMatchObject({ reason: 'send-failed', emailsSent: 0 })
    expect(refused.sends()).toHaveLength(1)
    expect((await refused.state()).failure).toBe('Klaviyo rejected the event')
  })
})
