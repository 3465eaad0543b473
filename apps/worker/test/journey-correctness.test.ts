import { randomBytes } from 'node:crypto'
import { ApiKeyCipher, createDatabase, findSend, migrateToLatest, recordFulfillment, saveKlaviyoAccount, type Db } from '@crosswise/db'
import { fulfillmentSchema, journeyWorkflowId, sendKey } from '@crosswise/domain'
import { crossSellJourney, type JourneyOutcome } from '@crosswise/journeys'
import { KlaviyoPacer } from '@crosswise/klaviyo'
import { createTestDatabase, startFakeKlaviyo, uniqueId, type FakeKlaviyo } from '@crosswise/testing'
import type { Client } from '@temporalio/client'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActivities, JourneyOutcomeRecorder } from '@crosswise/engine'
import { startJourneyStack, waitUntil, type JourneyStack } from './engine-worker.ts'
import { givenOrder, givenPairings, givenProducts, givenStore, noWaitPolicy } from './store-fixtures.ts'

// The paths a store meets in its first week, on the real stack: the real worker and activities, the
// Temporal dev server, PostgreSQL, and the Klaviyo SDK against the fake Klaviyo.
const storeKey = `pk_${randomBytes(17).toString('hex')}`
const policy = {
  ...noWaitPolicy,
  requireExplicitConsent: true,
  orderConsent: 'subscribe' as const,
  engagement: { waitMs: 4_000, followUpDelayMs: 0, onNotOpened: 'end' as const, pollIntervalMs: 1_000 },
  maxEmailsPerJourney: 1,
}

describe('journey correctness on the real stack', () => {
  let db: Db
  let fake: FakeKlaviyo
  let stack: JourneyStack
  let client: Client
  const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))
  // Products that sell out the moment the guards have picked them: the race between pick and send.
  const sellsOutAfterPick = new Set<string>()

  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('journey_correctness'))
    await migrateToLatest(db)
    fake = await startFakeKlaviyo({ apiKeys: [storeKey] })
    fake.state.recordEngagement({ profile: { email: 'earlier-customer@example.com' }, kind: 'opened' })

    const activities = createActivities({
      db,
      klaviyo: { cipher, connection: { basePath: fake.url, timeoutMs: 4_000, pacer: new KlaviyoPacer() } },
    })
    stack = await startJourneyStack(
      db,
      {
        ...activities,
        async checkBeforeSend(input) {
          const check = await activities.checkBeforeSend(input)
          const picked = check.verdict === 'clear' ? check.pairing?.productIds[0] : undefined
          if (picked && sellsOutAfterPick.has(picked)) await givenProducts(db, input.storeId, [picked], { available: false })
          return check
        },
      },
      'correctness',
    )
    client = stack.client
  }, 180_000)

  afterAll(async () => {
    await stack?.stop()
    await fake?.close()
    await db?.destroy()
  })

  /** The journey's result, once its run exists and has ended. */
  async function outcomeOf(storeId: string, customerId: string): Promise<JourneyOutcome> {
    const handle = client.workflow.getHandle(journeyWorkflowId(storeId, customerId))
    await waitUntil(() =>
      handle.describe().then(
        () => true,
        () => false,
      ),
    )
    return (await handle.result()) as JourneyOutcome
  }

  it(
    'falls through unavailable picks, branches on our own email only, sends on the consent an order brought, and records every outcome',
    { timeout: 300_000 },
    async () => {
      const storeId = uniqueId('correct')
      const bare = uniqueId('bare')
      await givenStore(db, storeId, policy)
      await givenStore(db, bare, policy)
      expect(await saveKlaviyoAccount(db, cipher, storeId, { apiKey: storeKey })).toMatchObject({ configured: true })
      await saveKlaviyoAccount(db, cipher, bare, { apiKey: storeKey })
      // Manual pairings in priority order; the top one's product is sold out, the second sells out
      // between the pick and the send, the third is there.
      await givenProducts(db, storeId, ['kettle', 'mug', 'teapot', 'tea', 'cup', 'spoon'])
      await givenProducts(db, storeId, ['tea'], { available: false })
      await givenPairings(db, storeId, [
        ['kettle', 'tea'],
        ['kettle', 'cup'],
        ['kettle', 'spoon'],
        ['mug', 'spoon'],
        ['teapot', 'cup'],
      ])
      sellsOutAfterPick.add('cup')
      // A store that sells one thing: nothing to recommend with it.
      await givenProducts(db, bare, ['lonely'])

      const run = uniqueId('r').slice(2)
      const email = (name: string) => `${name}.${run}@example.com`
      const subscribed = ['fallthrough', 'newsletter', 'ours'].map(email) as [string, string, string]
      for (const address of subscribed) fake.state.updateEmailMarketing({ email: address }, { consent: 'SUBSCRIBED' })
      // New to Klaviyo: no profile. One said yes to marketing at checkout, one said nothing.
      const [optedIn, silent] = [email('opted-in'), email('silent')]
      const customers = {
        fallthrough: await givenOrder(db, storeId, '5001', subscribed[0], ['kettle']),
        newsletter: await givenOrder(db, storeId, '5002', subscribed[1], ['mug']),
        ours: await givenOrder(db, storeId, '5003', subscribed[2], ['mug']),
        optedIn: await givenOrder(db, storeId, '5004', optedIn, ['mug'], { customer: { email: optedIn, acceptsMarketing: true } }),
        silent: await givenOrder(db, storeId, '5005', silent, ['mug']),
      }
      const lonely = await givenOrder(db, bare, '6001', email('lonely'), ['lonely'], {
        customer: { email: email('lonely'), acceptsMarketing: true },
      })

      // Once each email is in the ledger, the customer opens a newsletter, or our email.
      const sent = (orderId: string) => waitUntil(async () => (await findSend(db, sendKey(storeId, orderId, 'email-1')))?.status === 'sent')
      await sent('5002')
      fake.state.recordEngagement({ profile: { email: subscribed[1] }, kind: 'opened', flowId: null })
      await sent('5003')
      fake.state.recordEngagement({ profile: { email: subscribed[2] }, kind: 'opened', messageId: 'CwMsg1' })

      const outcomes = Object.fromEntries(
        await Promise.all(Object.entries(customers).map(async ([name, id]) => [name, await outcomeOf(storeId, id)] as const)),
      )
      const fellThrough = await findSend(db, sendKey(storeId, '5001', 'email-1'))
      // Tea was sold out at the pick, cup by the send: spoon went out, and the ledger says so.
      expect(outcomes.fallthrough).toMatchObject({ reason: 'not-opened', emailsSent: 1, pairingIds: ['manual:kettle:spoon'] })
      expect(fellThrough).toMatchObject({ status: 'sent', pairingId: 'manual:kettle:spoon', productIds: ['spoon'] })
      const klaviyoProducts = fake.state.events
        .filter((event) => event.uniqueId === sendKey(storeId, '5001', 'email-1'))
        .map((event) => (event.properties.recommended_products as Array<{ product_id: string }>).map((product) => product.product_id))
      expect(klaviyoProducts).toEqual([['spoon']])

      // A newsletter's open is not an open of our email; our flow's is, and the row says which message.
      expect(outcomes.newsletter).toMatchObject({ reason: 'not-opened', emailsSent: 1 })
      expect(outcomes.ours).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
      const engagements = await db
        .selectFrom('send_engagements')
        .select(['send_key', 'kind', 'flow_id', 'message_id'])
        .where('store_id', '=', storeId)
        .execute()
      expect(engagements).toEqual([
        { send_key: sendKey(storeId, '5003', 'email-1'), kind: 'opened', flow_id: 'XyZfLw', message_id: 'CwMsg1' },
      ])

      // Consent from the order: sent, written to the new profile, and the ledger names its source.
      expect(outcomes.optedIn).toMatchObject({ reason: 'not-opened', emailsSent: 1 })
      expect(await findSend(db, sendKey(storeId, '5004', 'email-1'))).toMatchObject({ status: 'sent', consentSource: 'order' })
      expect(fake.state.findProfile({ email: optedIn })?.marketing).toMatchObject({ consent: 'SUBSCRIBED', canReceiveEmailMarketing: true })
      expect(outcomes.silent).toMatchObject({ reason: 'no-consent', emailsSent: 0 })
      expect(await findSend(db, sendKey(storeId, '5005', 'email-1'))).toMatchObject({ status: 'no-consent', consentSource: 'klaviyo' })
      expect(await findSend(db, sendKey(storeId, '5003', 'email-1'))).toMatchObject({ consentSource: 'klaviyo' })
      expect(await outcomeOf(bare, lonely)).toMatchObject({ reason: 'nothing-to-recommend' })
      expect(fake.specViolations).toEqual([])

      // A fulfilment that comes after its journey ended (here: it waited one second) starts no new run,
      // which would wait a day for an order that came long ago.
      const late = uniqueId('late')
      await givenStore(db, late, { ...policy, fulfillment: { timeoutMs: 1_000, onTimeout: 'end' } })
      await givenProducts(db, late, ['lonely'])
      const unshipped = await givenOrder(db, late, '7001', email('unshipped'), ['lonely'])
      const ended = await outcomeOf(late, unshipped)
      expect(ended).toMatchObject({ reason: 'never-fulfilled' })
      const endedRun = (await client.workflow.getHandle(journeyWorkflowId(late, unshipped)).describe()).runId
      await db
        .transaction()
        .execute((trx) =>
          recordFulfillment(
            trx,
            late,
            fulfillmentSchema.parse({ fulfillmentId: '7001-1', orderId: '7001', fulfilledAt: new Date().toISOString() }),
          ),
        )
      await waitUntil(async () =>
        (await db.selectFrom('dispatches').select('status').where('store_id', '=', late).execute()).every((row) => row.status === 'done'),
      )
      expect(await client.workflow.getHandle(journeyWorkflowId(late, unshipped)).describe()).toMatchObject({
        runId: endedRun,
        status: { name: 'COMPLETED' },
      })

      // A journey an operator terminated (here: one stuck on a queue no worker polls) still gets its row.
      const stuck = `stuck-${run}`
      const stuckRun = await client.workflow.start(crossSellJourney, {
        workflowId: journeyWorkflowId(bare, stuck),
        taskQueue: uniqueId('nobody-polls'),
        args: [{ storeId: bare, customerId: stuck }],
      })
      await givenOrder(db, bare, '6002', email('stuck'), ['lonely'], { customer: { id: stuck, email: email('stuck') } })
      await stuckRun.terminate('stuck on a queue nobody polls')

      // Each outcome is a search attribute the UI can list by, and a row the recorder writes.
      const listed = async (outcome: string) => {
        const ids: string[] = []
        for await (const execution of client.workflow.list({ query: `StoreId = '${storeId}' AND JourneyOutcome = '${outcome}'` }))
          ids.push(execution.workflowId)
        return ids.sort()
      }
      await waitUntil(async () => (await listed('not-opened')).length === 3)
      expect(await listed('not-opened')).toEqual(
        [customers.fallthrough, customers.newsletter, customers.optedIn].map((id) => journeyWorkflowId(storeId, id)).sort(),
      )
      expect(await listed('no-consent')).toEqual([journeyWorkflowId(storeId, customers.silent)])

      const recorder = new JourneyOutcomeRecorder({ db, client, logger: pino({ level: 'silent' }), idleMs: 1_000, callTimeoutMs: 5_000 })
      const rows = () =>
        db
          .selectFrom('journey_outcomes')
          .select(['store_id', 'customer_id', 'outcome', 'trigger_order_id', 'emails_sent', 'pairing_ids', 'segment'])
          .where('store_id', 'in', [storeId, bare, late])
          .execute()
      await waitUntil(async () => {
        await recorder.recordClosedRuns()
        return (await rows()).length === 8
      })
      const byCustomer = Object.fromEntries((await rows()).map((row) => [row.customer_id, row]))
      expect(byCustomer[customers.fallthrough]).toMatchObject({
        outcome: 'not-opened',
        trigger_order_id: '5001',
        emails_sent: 1,
        pairing_ids: ['manual:kettle:spoon'],
        segment: 'first-time',
      })
      expect(byCustomer[customers.ours]).toMatchObject({ outcome: 'not-clicked' })
      expect(byCustomer[customers.silent]).toMatchObject({ outcome: 'no-consent', emails_sent: 0 })
      expect(byCustomer[lonely]).toMatchObject({ outcome: 'nothing-to-recommend', store_id: bare })
      expect(byCustomer[stuck]).toMatchObject({ outcome: 'terminated', store_id: bare })
      expect(byCustomer[unshipped]).toMatchObject({ outcome: 'never-fulfilled', store_id: late })
      // A second round finds nothing new and changes nothing.
      await recorder.recordClosedRuns()
      expect(await rows()).toHaveLength(8)
    },
  )
})
