import {
  createDatabase,
  listHoldoutAssignments,
  listOutboxEvents,
  listSends,
  migrateToLatest,
  recordDryRunEngagement,
  type Db,
} from '@crosswise/db'
import { sendKey } from '@crosswise/domain'
import type { JourneyActivities, SendRecommendationInput } from '@crosswise/journeys'
import { createTestDatabase, uniqueId } from '@crosswise/testing'
import { MockActivityEnvironment } from '@temporalio/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActivities } from '@crosswise/engine'
import { givenOrder, givenPairings, givenProducts, givenStore } from './store-fixtures.ts'

const day = 24 * 60 * 60 * 1000
const noCap = { maxEmails: 100, windowMs: day, minGapMs: 0 }

describe('journey activities over PostgreSQL and the dry-run outbox', () => {
  let db: Db
  let activities: JourneyActivities
  const run = <K extends keyof JourneyActivities>(name: K, ...args: Parameters<JourneyActivities[K]>): ReturnType<JourneyActivities[K]> => {
    const activity = activities[name] as unknown as (...input: unknown[]) => Promise<unknown>
    return new MockActivityEnvironment().run<unknown[], unknown, typeof activity>(activity, ...args) as ReturnType<JourneyActivities[K]>
  }

  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('activities'))
    await migrateToLatest(db)
    activities = createActivities({ db })
  })
  afterAll(async () => db?.destroy())

  async function customerWithOrder(policy = {}) {
    const storeId = uniqueId('store')
    await givenStore(db, storeId, policy, 'Europe/Berlin')
    const email = `${uniqueId('c')}@example.com`
    const customerId = await givenOrder(db, storeId, '1001', email, ['kettle'])
    return { storeId, customerId, email }
  }

  function sendInput(storeId: string, customerId: string, productIds = ['tea']): SendRecommendationInput {
    return {
      storeId,
      customerId,
      orderId: '1001',
      sendKey: sendKey(storeId, '1001', 'email-1'),
      step: 'email-1',
      kind: 'first',
      pairing: { pairingId: 'manual:kettle:tea', source: 'manual', triggerProductId: 'kettle', productIds },
    }
  }

  it('loads the store policy, the segment and the zone', async () => {
    const { storeId, customerId } = await customerWithOrder({ holdoutShare: 0.3 })
    const context = await run('loadJourney', { storeId, customerId, orderId: '1001' })
    expect(context).toMatchObject({ segment: 'first-time', timeZone: 'Europe/Berlin', redacted: false })
    expect(context.policy.holdoutShare).toBe(0.3)
  })

  it('sends once per key: a retried send writes one outbox event and keeps the first send time', async () => {
    const { storeId, customerId } = await customerWithOrder()
    await givenProducts(db, storeId, ['kettle', 'tea'])
    const first = await run('sendRecommendation', sendInput(storeId, customerId))
    const again = await run('sendRecommendation', sendInput(storeId, customerId))
    expect(first.status).toBe('sent')
    const { sentAt, delivery } = first as { sentAt: string; delivery: { channel: string; profileId: string } }
    expect(delivery).toMatchObject({ channel: 'outbox', profileId: expect.any(String) })
    // The retry answers the first send's time and delivery, which the engagement reads then use.
    expect(again).toEqual({ status: 'already-sent', sentAt, delivery })
    const outbox = await listOutboxEvents(db, storeId)
    expect(outbox).toHaveLength(1)
    expect(outbox[0]!.event).toMatchObject({
      data: { attributes: { uniqueId: `${storeId}:1001:email-1`, properties: { journey_step: 'first' } } },
    })
    expect(await listSends(db, storeId)).toMatchObject([{ status: 'sent', channel: 'outbox', pairingId: 'manual:kettle:tea' }])
  })

  it('finishes a send that crashed after the gateway call without a second event', async () => {
    const { storeId, customerId } = await customerWithOrder()
    await givenProducts(db, storeId, ['kettle', 'tea'])
    await run('sendRecommendation', sendInput(storeId, customerId))
    // As if the worker died between the outbox write and marking the ledger row sent.
    await sql`update journey_sends set status = 'sending', sent_at = null where store_id = ${storeId}`.execute(db)
    expect((await run('sendRecommendation', sendInput(storeId, customerId))).status).toBe('sent')
    expect(await listOutboxEvents(db, storeId)).toHaveLength(1)
  })

  it('does not send a product that went out of stock since the pick', async () => {
    const { storeId, customerId } = await customerWithOrder()
    await givenProducts(db, storeId, ['kettle'])
    await givenProducts(db, storeId, ['tea'], { available: false })
    expect(await run('sendRecommendation', sendInput(storeId, customerId))).toEqual({ status: 'unavailable' })
    expect(await listOutboxEvents(db, storeId)).toEqual([])
  })

  it('picks manual pairings first, never owned or unavailable products, then best sellers of the category, then of the store', async () => {
    const { storeId, customerId, email } = await customerWithOrder()
    await givenProducts(db, storeId, ['kettle', 'cup', 'tea', 'honey'])
    await givenProducts(db, storeId, ['filter'], { available: false })
    await givenProducts(db, storeId, ['lamp'], { category: 'lighting' })
    await givenOrder(db, storeId, '900', email, ['cup'], { placedAt: '2020-01-01T00:00:00Z' })
    await givenOrder(db, storeId, '901', 'someone@example.com', ['honey', 'honey', 'tea'])
    await givenPairings(db, storeId, [
      ['kettle', 'filter'],
      ['kettle', 'cup'],
      ['kettle', 'tea'],
    ])
    const pick = (excludeProductIds: string[] = []) =>
      run('pickPairing', { storeId, customerId, orderId: '1001', excludePairingIds: [], excludeProductIds })
    expect(await pick()).toMatchObject({ pairingId: 'manual:kettle:tea', source: 'manual', productIds: ['tea'] })
    expect(await pick(['tea'])).toMatchObject({ source: 'best-seller', productIds: ['honey'], triggerProductId: 'kettle' })
    expect(await pick(['tea', 'honey'])).toMatchObject({
      pairingId: 'store-best-seller:lamp',
      source: 'store-best-seller',
      triggerProductId: 'kettle',
    })
    expect(await pick(['tea', 'honey', 'lamp'])).toBeNull()
  })

  it('refuses and records: a newer order, the cap, missing consent, holdout', async () => {
    const { storeId, customerId } = await customerWithOrder()
    const check = (
      policy: { holdoutShare?: number; requireExplicitConsent?: boolean; frequencyCap?: typeof noCap },
      knownOrderIds = ['1001'],
    ) =>
      run('checkBeforeSend', {
        storeId,
        customerId,
        orderId: '1001',
        placedAt: new Date(Date.now() - 60_000).toISOString(),
        knownOrderIds,
        sendKey: sendKey(storeId, '1001', 'email-1'),
        policy: { frequencyCap: noCap, holdoutShare: 0, requireExplicitConsent: false, ...policy },
      })
    // The dry run answers consent from the store's own record: a purchaser who never opted in.
    const clear = { verdict: 'clear', consent: { source: 'klaviyo', subscribe: false } }
    expect(await check({})).toEqual(clear)
    expect(await check({ requireExplicitConsent: true })).toEqual({ verdict: 'no-consent', reason: 'opt-in-required' })
    expect(await listSends(db, storeId)).toMatchObject([{ status: 'no-consent', reason: 'opt-in-required', step: 'email-1' }])

    await sql`delete from journey_sends where store_id = ${storeId}`.execute(db)
    expect(await check({ holdoutShare: 1 })).toEqual({ verdict: 'held-out' })
    expect(await listSends(db, storeId)).toMatchObject([{ status: 'held-out' }])
    expect(await listHoldoutAssignments(db, storeId)).toMatchObject([{ orderId: '1001', heldOut: false }])

    await sql`update journey_sends set status = 'sent', sent_at = now() where store_id = ${storeId}`.execute(db)
    expect(await check({ frequencyCap: { maxEmails: 1, windowMs: day, minGapMs: 0 } })).toMatchObject({ verdict: 'capped' })

    const email = (await db.selectFrom('customers').select('email').where('id', '=', customerId).executeTakeFirstOrThrow()).email
    await givenOrder(db, storeId, '1002', email, ['tea'])
    expect(await check({})).toMatchObject({ verdict: 'bought-again', order: { orderId: '1002', productIds: ['tea'] } })
    expect(await check({}, ['1001', '1002'])).toEqual(clear)
  })

  it('reads dry-run engagement recorded for a send, and purchases from orders', async () => {
    const { storeId, customerId } = await customerWithOrder()
    await givenProducts(db, storeId, ['kettle', 'tea'])
    const input = sendInput(storeId, customerId)
    const sent = (await run('sendRecommendation', input)) as { sentAt: string }
    const fetch = () => run('fetchEngagement', { storeId, customerId, sendKey: input.sendKey, sentAt: sent.sentAt, productIds: ['tea'] })
    expect(await fetch()).toEqual({ opened: false, clicked: false, purchased: false })
    const [ledger] = await listSends(db, storeId)
    await recordDryRunEngagement(db, { sendKey: input.sendKey, kind: 'clicked', storeId, profileId: ledger!.profileId! })
    expect(await fetch()).toEqual({ opened: true, clicked: true, purchased: false })
    const email = (await db.selectFrom('customers').select('email').where('id', '=', customerId).executeTakeFirstOrThrow()).email
    await givenOrder(db, storeId, '1003', email, ['tea'])
    expect(await fetch()).toEqual({ opened: true, clicked: true, purchased: true, purchaseOrderId: '1003' })
    // The click is kept once for attribution, however often engagement is read.
    const kept = await db.selectFrom('send_engagements').select(['kind']).where('send_key', '=', input.sendKey).execute()
    expect(kept).toEqual([{ kind: 'clicked' }])
  })

  it('fails for good on input that can never succeed', async () => {
    await expect(run('loadJourney', { storeId: '', customerId: 'x', orderId: 'y' })).rejects.toMatchObject({
      nonRetryable: true,
      type: 'InvalidInput',
    })
  })
})
