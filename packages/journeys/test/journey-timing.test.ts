import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { day, hour, instantPolicy, JourneyHarness } from './journey-harness.ts'

describe('crossSellJourney: when it sends', () => {
  let harness: JourneyHarness
  beforeAll(async () => {
    harness = await JourneyHarness.start()
  })
  afterAll(async () => harness?.stop())

  it('sends nothing before fulfilment, then waits the segment delay after it', async () => {
    const journey = harness.journey({
      policy: { ...instantPolicy, delayMs: { 'first-time': 7 * day, repeat: 5 * day, vip: 3 * day } },
      segment: 'vip',
      engagement: [{ opened: true, clicked: false, purchased: false }],
    })
    await journey.order('1001')
    await journey.wait(10 * day)
    expect(journey.sends()).toEqual([])
    expect((await journey.state()).stage).toBe('waiting-for-fulfilment')
    const fulfilledAt = await journey.now()
    await journey.fulfil('1001')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
    const [send] = journey.sends()
    expect(send!.atMs).toBeGreaterThanOrEqual(fulfilledAt + 3 * day)
    expect(send!.atMs).toBeLessThan(fulfilledAt + 3 * day + hour)
    expect(send!.input).toMatchObject({ sendKey: `${journey.storeId}:1001:email-1`, kind: 'first' })
  })

  it('sends inside the send window in the customer’s own zone and on allowed weekdays only', async () => {
    const journey = harness.journey({
      policy: {
        ...instantPolicy,
        delayMs: { 'first-time': 2 * day, repeat: 0, vip: 0 },
        sendWindow: { startHour: 9, endHour: 11, weekdays: [2, 4] },
      },
      timeZone: 'America/New_York',
      engagement: [{ opened: true, clicked: false, purchased: false }],
    })
    await journey.order('2001')
    await journey.fulfil('2001')
    await journey.result()
    const [send] = journey.sends()
    const local = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', hour: 'numeric', weekday: 'short' })
        .formatToParts(send!.atMs)
        .map((part) => [part.type, part.value]),
    )
    expect(['Tue', 'Thu']).toContain(local.weekday)
    expect(Number(local.hour)).toBeGreaterThanOrEqual(9)
    expect(Number(local.hour)).toBeLessThan(11)
  })

  it('ends when fulfilment never comes, or proceeds after the timeout if the policy says so', async () => {
    const ending = harness.journey({ policy: { ...instantPolicy, fulfillment: { timeoutMs: 5 * day, onTimeout: 'end' } } })
    await ending.order('3001')
    expect(await ending.result()).toMatchObject({ reason: 'never-fulfilled', emailsSent: 0 })

    const proceeding = harness.journey({
      policy: {
        ...instantPolicy,
        fulfillment: { timeoutMs: 5 * day, onTimeout: 'proceed' },
        engagement: { onNotOpened: 'end', waitMs: 0 },
      },
    })
    const start = await proceeding.now()
    await proceeding.order('3002')
    expect(await proceeding.result()).toMatchObject({ reason: 'not-opened', emailsSent: 1 })
    expect(proceeding.sends()[0]!.atMs).toBeGreaterThanOrEqual(start + 5 * day)
  })

  it('waits for the complete fulfilment when partial ones do not count', async () => {
    const journey = harness.journey({
      policy: { ...instantPolicy, fulfillment: { partial: 'wait-for-complete' } },
      engagement: [{ opened: true, clicked: false, purchased: false }],
    })
    await journey.order('4001')
    await journey.fulfil('4001', false)
    await journey.wait(2 * day)
    expect(journey.sends()).toEqual([])
    await journey.fulfil('4001', true)
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
  })

  it('takes a fulfilment that arrives before its order', async () => {
    const journey = harness.journey({ engagement: [{ opened: true, clicked: false, purchased: false }] })
    await journey.fulfil('5001')
    await journey.wait(hour)
    expect((await journey.state()).stage).toBe('waiting-for-order')
    await journey.order('5001')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', triggerOrderId: '5001', emailsSent: 1 })
  })

  it('ends quietly when a stray event’s order never arrives', async () => {
    const journey = harness.journey()
    await journey.cancel('6001')
    expect(await journey.result()).toMatchObject({ reason: 'no-order', emailsSent: 0 })
    expect(journey.calls()).toEqual([])
  })

  it('keeps its search attributes and details current', async () => {
    const journey = harness.journey({ segment: 'vip', policy: { ...instantPolicy, engagement: { waitMs: 2 * day } } })
    await journey.order('7001')
    await journey.wait(hour)
    let description = await journey.handle().describe()
    expect(description.searchAttributes).toMatchObject({
      StoreId: [journey.storeId],
      CustomerId: [journey.customerId],
      CustomerSegment: ['vip'],
      JourneyStage: ['waiting-for-fulfilment'],
    })
    await journey.fulfil('7001')
    await journey.wait(hour)
    description = await journey.handle().describe()
    expect(description.searchAttributes).toMatchObject({
      JourneyStage: ['waiting-for-engagement'],
      EmailsSent: [1],
      PairingId: ['pairing-1'],
    })
    expect(description.searchAttributes.NextActionAt).toHaveLength(1)
    const state = await journey.state()
    expect(state).toMatchObject({ stage: 'waiting-for-engagement', emailsSent: 1, pairingIds: ['pairing-1'], triggerOrderId: '7001' })
    expect(state.details).toContain('waiting for engagement')
    await journey.result()
  })

  it('writes a stage it leaves without waiting with the end, in one upsert', async () => {
    // Fulfilled at once, no delay, no engagement wait: nothing between the order and the end waits.
    const journey = harness.journey({ engagement: [{ opened: true, clicked: false, purchased: false }] })
    await journey.order('7101')
    await journey.fulfil('7101')
    expect(await journey.result()).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
    const { events } = await journey.handle().fetchHistory()
    const upserts = (events ?? []).flatMap((event) => {
      const fields = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields
      return fields ? [Object.keys(fields).sort()] : []
    })
    // Temporal's own upsert for the run's patch, then the journey's one at the end.
    expect(upserts).toEqual([
      ['TemporalChangeVersion'],
      ['CustomerId', 'CustomerSegment', 'EmailsSent', 'JourneyOutcome', 'JourneyStage', 'NextActionAt', 'PairingId', 'StoreId'],
    ])
    expect((await journey.handle().describe()).searchAttributes).toMatchObject({
      StoreId: [journey.storeId],
      JourneyStage: ['ended'],
      JourneyOutcome: ['not-clicked'],
      EmailsSent: [1],
      PairingId: ['pairing-1'],
    })
  })
})
