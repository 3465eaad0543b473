import {
  claimSend,
  createDatabase,
  listExperiments,
  listOutboxEvents,
  listSends,
  markSent,
  migrateToLatest,
  recordConversion,
  recordSendEngagement,
  runningExperiment,
  startExperiment,
  stopExperiment,
  variantResults,
  type Db,
} from '@crosswise/db'
import { promoteDeclaredWinner } from '@crosswise/reports'
import { assignVariant, experimentSchema, sendKey } from '@crosswise/domain'
import { createActivities } from '@crosswise/engine'
import type { PairingPick, PickPairingInput, SendRecommendationInput, SendResult } from '@crosswise/journeys'
import { createTestDatabase, uniqueId } from '@crosswise/testing'
import { MockActivityEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { givenOrder, givenPairings, givenProducts, givenStore } from './store-fixtures.ts'

const experiment = experimentSchema.parse({
  id: 'offer-test',
  name: 'A code or none',
  variants: [
    { id: 'control' },
    { id: 'ten-off', subject: 'Ten percent off what goes with your kettle', offer: { kind: 'code', code: 'PAIR10', percentOff: 10 } },
  ],
})

describe('an experiment on the email, through the real pick and send activities', () => {
  let db: Db
  let activities: ReturnType<typeof createActivities>
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('experiment_send'))
    await migrateToLatest(db)
    activities = createActivities({ db })
  })
  afterAll(async () => db?.destroy())

  it('sends each customer their variant’s subject and offer, keeps the variant in the ledger and counts results per variant', async () => {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    await givenProducts(db, storeId, ['kettle', 'lamp'])
    await givenPairings(db, storeId, [['kettle', 'lamp']])
    await startExperiment(db, storeId, experiment)
    const env = new MockActivityEnvironment()
    const customers: Array<{ customerId: string; orderId: string; key: string }> = []
    for (let index = 0; index < 24; index++) {
      const orderId = String(2000 + index)
      const customerId = await givenOrder(db, storeId, orderId, `${uniqueId('c')}@example.com`, ['kettle'])
      const pickInput: PickPairingInput = { storeId, customerId, orderId, excludePairingIds: [], excludeProductIds: [] }
      const pick = await env.run<[PickPairingInput], PairingPick | null, typeof activities.pickPairing>(activities.pickPairing, pickInput)
      const key = sendKey(storeId, orderId, 'email-1')
      const send: SendRecommendationInput = { storeId, customerId, orderId, sendKey: key, step: 'email-1', kind: 'first', pairing: pick! }
      const sent = await env.run<[SendRecommendationInput], SendResult, typeof activities.sendRecommendation>(
        activities.sendRecommendation,
        send,
      )
      expect(sent).toMatchObject({ status: 'sent' })
      customers.push({ customerId, orderId, key })
    }

    const ledger = await listSends(db, storeId)
    const events = new Map(
      (await listOutboxEvents(db, storeId)).map((event) => [
        event.uniqueId,
        event.event as { data: { attributes: { properties: Record<string, unknown> } } },
      ]),
    )
    for (const { customerId, key } of customers) {
      const variant = assignVariant(experiment, customerId).id
      expect(ledger.find((entry) => entry.sendKey === key)).toMatchObject({ experimentId: 'offer-test', variantId: variant })
      const properties = events.get(key)!.data.attributes.properties
      expect(properties).toMatchObject(
        variant === 'ten-off'
          ? {
              variant,
              experiment_id: 'offer-test',
              discount_code: 'PAIR10',
              discount_percent: 10,
              subject: 'Ten percent off what goes with your kettle',
            }
          : { variant, experiment_id: 'offer-test', discount_code: null, discount_percent: null, subject: null },
      )
    }
    const inVariant = (id: string) => customers.filter(({ customerId }) => assignVariant(experiment, customerId).id === id)
    expect(inVariant('ten-off').length).toBeGreaterThan(0)
    expect(inVariant('control').length).toBeGreaterThan(0)

    const [buyer] = inVariant('ten-off')
    // Opened and clicked twice: one send opened and one clicked, however many events.
    const seen = [new Date(), new Date(Date.now() + 1000)]
    await recordSendEngagement(db, storeId, buyer!.key, [
      ...seen.map((at) => ({ kind: 'opened' as const, at })),
      { kind: 'clicked', at: seen[1]! },
    ])
    await recordConversion(db, {
      sendKey: buyer!.key,
      storeId,
      customerId: buyer!.customerId,
      orderId: buyer!.orderId,
      pairingId: 'manual:kettle:lamp',
      purchaseOrderId: null,
    })
    expect(await variantResults(db, storeId, 'offer-test')).toEqual([
      { variantId: 'control', sends: inVariant('control').length, opens: 0, clicks: 0, conversions: 0, revenue: '0', revenueSquares: 0 },
      { variantId: 'ten-off', sends: inVariant('ten-off').length, opens: 1, clicks: 1, conversions: 1, revenue: '0', revenueSquares: 0 },
    ])
  })

  it('sends the promoted variant to everyone once the experiment stops, outside the experiment’s results', async () => {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    await givenProducts(db, storeId, ['kettle', 'lamp'])
    await givenPairings(db, storeId, [['kettle', 'lamp']])
    await startExperiment(db, storeId, experiment)
    await stopExperiment(db, storeId, 'ten-off')
    const env = new MockActivityEnvironment()
    const customerId = await givenOrder(db, storeId, '3001', `${uniqueId('c')}@example.com`, ['kettle'])
    const pickInput: PickPairingInput = { storeId, customerId, orderId: '3001', excludePairingIds: [], excludeProductIds: [] }
    const pick = await env.run<[PickPairingInput], PairingPick | null, typeof activities.pickPairing>(activities.pickPairing, pickInput)
    const key = sendKey(storeId, '3001', 'email-1')
    const send: SendRecommendationInput = {
      storeId,
      customerId,
      orderId: '3001',
      sendKey: key,
      step: 'email-1',
      kind: 'first',
      pairing: pick!,
    }
    await env.run<[SendRecommendationInput], SendResult, typeof activities.sendRecommendation>(activities.sendRecommendation, send)
    expect(await listSends(db, storeId)).toMatchObject([{ sendKey: key, experimentId: null, variantId: null }])
    const [event] = await listOutboxEvents(db, storeId)
    expect((event!.event as { data: { attributes: { properties: Record<string, unknown> } } }).data.attributes.properties).toMatchObject({
      discount_code: 'PAIR10',
      subject: 'Ten percent off what goes with your kettle',
      experiment_id: null,
      variant: null,
    })
    expect(await variantResults(db, storeId, 'offer-test')).toEqual([])
  })

  it('promotes a declared winner by itself only when the store lets it', async () => {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    const results = async (autoPromote: boolean, id: string) => {
      await startExperiment(db, storeId, experimentSchema.parse({ ...experiment, id, autoPromote, minimumSendsPerVariant: 200 }))
      // 300 sends each: the control converts 2 %, the code 12 %, far past the sequential test's bar.
      for (const [variantId, converting] of [
        ['control', 6],
        ['ten-off', 36],
      ] as const) {
        for (let index = 0; index < 300; index++) {
          const key = `${storeId}:${id}:${variantId}:${index}`
          const send = { storeId, customerId: 'c1', orderId: `${variantId}-${index}` }
          await claimSend(db, {
            sendKey: key,
            ...send,
            step: 'email-1',
            kind: 'first',
            pairingId: 'manual:kettle:lamp',
            pairingSource: 'manual',
            productIds: ['lamp'],
            experimentId: id,
            variantId,
          })
          await markSent(db, key, { channel: 'outbox', profileId: 'p', at: new Date() })
          if (index < converting)
            await recordConversion(db, { sendKey: key, ...send, pairingId: 'manual:kettle:lamp', purchaseOrderId: null })
        }
      }
      return promoteDeclaredWinner(db, storeId)
    }
    expect(await results(false, 'by-hand')).toBeNull()
    expect((await runningExperiment(db, storeId))?.experiment.id).toBe('by-hand')
    await stopExperiment(db, storeId, null)
    expect(await results(true, 'automatic')).toBe('ten-off')
    expect(await runningExperiment(db, storeId)).toBeUndefined()
    expect((await listExperiments(db, storeId))[0]).toMatchObject({ winner: 'ten-off', stoppedAt: expect.any(Date) })
  })
})
