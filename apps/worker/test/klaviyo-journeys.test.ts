import { randomBytes } from 'node:crypto'
import { ApiKeyCipher, createDatabase, findSend, listOutboxEvents, migrateToLatest, saveKlaviyoAccount, type Db } from '@crosswise/db'
import { journeyWorkflowId, sendKey } from '@crosswise/domain'
import { journeyStateQuery, type JourneyOutcome, type JourneyState } from '@crosswise/journeys'
import { KlaviyoPacer } from '@crosswise/klaviyo'
import { createTestDatabase, startFakeKlaviyo, uniqueId, type FakeKlaviyo } from '@crosswise/testing'
import type { Client } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActivities } from '@crosswise/engine'
import { startJourneyStack, type JourneyStack } from './engine-worker.ts'
import { givenOrder, givenPairings, givenProducts, givenStore } from './store-fixtures.ts'

const storeKey = `pk_${randomBytes(17).toString('hex')}`
// Seconds instead of days: every journey sends at once, waits 10 s for engagement, follows up after 1 s.
const policy = {
  delayMs: { 'first-time': 0, repeat: 0, vip: 0 },
  sendWindow: { startHour: 0, endHour: 24 },
  fulfillment: { timeoutMs: 0, onTimeout: 'proceed' as const },
  frequencyCap: { maxEmails: 100, windowMs: 60_000, minGapMs: 0 },
  holdoutShare: 0,
  engagement: { waitMs: 10_000, followUpDelayMs: 1_000, onNotOpened: 'alternative-pairing' as const, pollIntervalMs: 1_000 },
  maxEmailsPerJourney: 2,
}

/** Polls `check` until it holds; generous, because the machine running this may be busy. */
async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('journeys sending through the real Klaviyo SDK to a fake Klaviyo, on the real Temporal dev server', () => {
  let db: Db
  let fake: FakeKlaviyo
  let stack: JourneyStack
  let client: Client
  const cipher = ApiKeyCipher.fromSecret(randomBytes(32).toString('base64'))

  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('klaviyo_journeys'))
    await migrateToLatest(db)
    // Only the store's own key is accepted: a send with any other key would be refused.
    fake = await startFakeKlaviyo({ apiKeys: [storeKey] })
    // The account has had emails opened and clicked before, so its engagement metrics exist.
    fake.state.recordEngagement({ profile: { email: 'earlier-customer@example.com' }, kind: 'opened' })
    fake.state.recordEngagement({ profile: { email: 'earlier-customer@example.com' }, kind: 'clicked' })

    // No KLAVIYO_API_KEY: stores without a key of their own run dry.
    const activities = createActivities({
      db,
      klaviyo: { cipher, connection: { basePath: fake.url, timeoutMs: 4_000, pacer: new KlaviyoPacer() } },
    })
    stack = await startJourneyStack(db, activities, 'klaviyo-journeys')
    client = stack.client
  }, 180_000)

  afterAll(async () => {
    await stack?.stop()
    await fake?.close()
    await db?.destroy()
  })

  it(
    'takes the clicked, opened and not-opened branches, one Klaviyo event per step, and records a refusal',
    { timeout: 240_000 },
    async () => {
      const keyed = uniqueId('klaviyo-store')
      const dry = uniqueId('dry-store')
      const revoked = uniqueId('revoked-store')
      for (const storeId of [keyed, dry, revoked]) {
        await givenStore(db, storeId, policy)
        await givenProducts(db, storeId, ['kettle', 'tea', 'cup'])
        await givenPairings(db, storeId, [
          ['kettle', 'tea'],
          ['kettle', 'cup'],
        ])
      }
      expect(await saveKlaviyoAccount(db, cipher, keyed, { apiKey: storeKey })).toMatchObject({ configured: true })
      // A key Klaviyo no longer accepts: the consent read before the first send gets a 401.
      await saveKlaviyoAccount(db, cipher, revoked, { apiKey: 'pk_revoked000000000000000000000000' })

      const run = uniqueId('r').slice(2)
      const email = (name: string) => `${name}.${run}@example.com`
      const [clicker, opener, ignorer, refused] = ['clicker', 'opener', 'ignorer', 'refused'].map(email) as [string, string, string, string]
      // Klaviyo knows these shoppers already (a store's Klaviyo account is fed by its shop).
      for (const address of [clicker, opener, ignorer, refused])
        fake.state.updateEmailMarketing({ email: address }, { consent: 'SUBSCRIBED' })
      // The clicker's first send is answered too late: the SDK call times out, the activity is retried
      // with the same unique id, and Klaviyo keeps one event. The refused customer's send gets a 400.
      fake.injectFault({ operationId: 'create_event', bodyContains: clicker, fault: { kind: 'slow', delayMs: 6_000 } })
      const refusal = 'The profile is missing a valid email address.'
      fake.injectFault({
        operationId: 'create_event',
        bodyContains: refused,
        times: 5,
        fault: { kind: 'rejected', status: 400, detail: refusal },
      })

      const customers = {
        clicker: await givenOrder(db, keyed, '2001', clicker, ['kettle']),
        opener: await givenOrder(db, keyed, '2002', opener, ['kettle']),
        ignorer: await givenOrder(db, keyed, '2003', ignorer, ['kettle']),
        refused: await givenOrder(db, keyed, '2004', refused, ['kettle']),
        dryRun: await givenOrder(db, dry, '3001', email('dry'), ['kettle']),
      }
      const revokedCustomer = await givenOrder(db, revoked, '4001', email('revoked'), ['kettle'])
      const handle = (storeId: string, customerId: string) => client.workflow.getHandle(journeyWorkflowId(storeId, customerId))
      const sent = (key: string) => eventually(async () => (await findSend(db, key))?.status === 'sent')

      // Engagement as Klaviyo would record it, once each first email is in our ledger as sent.
      await Promise.all([
        sent(sendKey(keyed, '2001', 'email-1')).then(() => {
          fake.state.recordEngagement({ profile: { email: clicker }, kind: 'opened' })
          fake.state.recordEngagement({ profile: { email: clicker }, kind: 'clicked' })
        }),
        sent(sendKey(keyed, '2002', 'email-1')).then(async () => {
          // While the journey waits, its query state says so.
          await eventually(
            async () => (await handle(keyed, customers.opener).query<JourneyState>(journeyStateQuery)).stage === 'waiting-for-engagement',
          )
          fake.state.recordEngagement({ profile: { email: opener }, kind: 'opened' })
        }),
      ])

      const result = async (storeId: string, customerId: string) => {
        await eventually(
          async () =>
            await handle(storeId, customerId)
              .describe()
              .then(
                () => true,
                () => false,
              ),
        )
        return (await handle(storeId, customerId).result()) as JourneyOutcome
      }
      const outcomes = {
        clicker: await result(keyed, customers.clicker),
        opener: await result(keyed, customers.opener),
        ignorer: await result(keyed, customers.ignorer),
        refused: await result(keyed, customers.refused),
        dryRun: await result(dry, customers.dryRun),
      }
      // Clicked: a follow-up with the same pairing (then the email limit). Opened only: the end.
      // Nothing: an alternative pairing, then the end. Refused: the step fails without a retry.
      expect(outcomes.clicker).toMatchObject({ reason: 'email-limit', emailsSent: 2 })
      expect(outcomes.clicker.pairingIds[1]).toBe(outcomes.clicker.pairingIds[0])
      expect(outcomes.opener).toMatchObject({ reason: 'not-clicked', emailsSent: 1 })
      expect(outcomes.ignorer).toMatchObject({ reason: 'not-opened', emailsSent: 2 })
      expect(outcomes.ignorer.pairingIds[1]).not.toBe(outcomes.ignorer.pairingIds[0])
      expect(outcomes.refused).toMatchObject({ reason: 'send-failed', emailsSent: 0 })
      expect(outcomes.dryRun).toMatchObject({ reason: 'not-opened', emailsSent: 2 })
      for (const [name, customerId] of Object.entries(customers)) {
        const storeId = name === 'dryRun' ? dry : keyed
        const state = await handle(storeId, customerId).query<JourneyState>(journeyStateQuery)
        expect(state, name).toMatchObject({ stage: 'ended', outcome: outcomes[name as keyof typeof outcomes].reason })
      }

      // What Klaviyo recorded: exactly one event per step, each keyed by the step's send key.
      const recommendations = (address: string) => {
        const profileId = fake.state.findProfile({ email: address })?.id
        return fake.state.events
          .filter((event) => event.metricName === 'Crosswise Recommendation' && event.profileId === profileId)
          .map((event) => ({
            uniqueId: event.uniqueId,
            step: event.properties.journey_step,
            products: event.properties.recommended_products,
          }))
      }
      const clicked = recommendations(clicker)
      expect(clicked.map(({ uniqueId, step }) => [uniqueId, step])).toEqual([
        [sendKey(keyed, '2001', 'email-1'), 'first'],
        [sendKey(keyed, '2001', 'email-2'), 'follow-up'],
      ])
      expect(clicked[1]!.products).toEqual(clicked[0]!.products)
      expect(recommendations(opener).map(({ uniqueId, step }) => [uniqueId, step])).toEqual([[sendKey(keyed, '2002', 'email-1'), 'first']])
      const ignored = recommendations(ignorer)
      expect(ignored.map(({ uniqueId, step }) => [uniqueId, step])).toEqual([
        [sendKey(keyed, '2003', 'email-1'), 'first'],
        [sendKey(keyed, '2003', 'email-2'), 'alternative'],
      ])
      expect(ignored[1]!.products).not.toEqual(ignored[0]!.products)
      expect(recommendations(refused)).toEqual([])
      // The timed-out send reached Klaviyo at least twice and was kept once; the refused one was tried once.
      const eventRequests = fake.requests.filter((request) => request.operationId === 'create_event')
      const recorded = fake.state.events.filter((event) => event.metricName === 'Crosswise Recommendation').length
      expect(eventRequests.filter((request) => request.status === 202).length).toBeGreaterThanOrEqual(recorded + 1)
      expect(eventRequests.filter((request) => request.status === 400)).toHaveLength(1)
      expect(fake.specViolations).toEqual([])

      // The journey's record of why: the ledger keeps Klaviyo's answer.
      const refusedSend = await findSend(db, sendKey(keyed, '2004', 'email-1'))
      expect(refusedSend).toMatchObject({ status: 'rejected' })
      expect(refusedSend?.reason).toContain('Klaviyo rejected POST /api/events with 400')
      expect(refusedSend?.reason).toContain(refusal)
      // The revoked key ends the journey at its consent check, without a retry; its state and the ledger say why.
      await eventually(
        async () =>
          await handle(revoked, revokedCustomer)
            .describe()
            .then(
              () => true,
              () => false,
            ),
      )
      expect(await handle(revoked, revokedCustomer).result()).toMatchObject({ reason: 'klaviyo-refused', emailsSent: 0 })
      const revokedState = await handle(revoked, revokedCustomer).query<JourneyState>(journeyStateQuery)
      expect(revokedState).toMatchObject({ stage: 'ended', outcome: 'klaviyo-refused' })
      expect(revokedState.failure).toContain('Klaviyo rejected GET /api/profiles with 401')
      const revokedCheck = await findSend(db, sendKey(revoked, '4001', 'email-1'))
      expect(revokedCheck).toMatchObject({ status: 'rejected' })
      expect(revokedCheck?.reason).toContain('Klaviyo rejected GET /api/profiles with 401')
      expect(fake.requests.filter((request) => request.operationId === 'get_profiles' && request.status === 401)).toHaveLength(1)
      // The store without a key of its own ran dry: its emails are in the outbox, none reached Klaviyo.
      expect((await listOutboxEvents(db, dry)).map((event) => event.uniqueId)).toEqual([
        sendKey(dry, '3001', 'email-1'),
        sendKey(dry, '3001', 'email-2'),
      ])
    },
  )
})
