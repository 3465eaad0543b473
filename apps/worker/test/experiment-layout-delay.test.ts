import { createDatabase, listOutboxEvents, listSends, migrateToLatest, startExperiment, type Db } from '@crosswise/db'
import { assignVariant, defaultJourneyPolicy, experimentSchema, sendKey } from '@crosswise/domain'
import { createActivities } from '@crosswise/engine'
import type {
  JourneyContext,
  LoadJourneyInput,
  PairingPick,
  PickPairingInput,
  SendRecommendationInput,
  SendResult,
} from '@crosswise/journeys'
import { createTestDatabase, uniqueId } from '@crosswise/testing'
import { MockActivityEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { givenOrder, givenPairings, givenProducts, givenStore } from './store-fixtures.ts'

type EventProperties = { recommended_products: Array<{ product_id: string }>; layout: string; variant: string | null }

describe('experiments on the layout and the delay, through the real activities', () => {
  let db: Db
  let activities: ReturnType<typeof createActivities>
  const env = new MockActivityEnvironment()
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('experiment_layout'))
    await migrateToLatest(db)
    activities = createActivities({ db })
  })
  afterAll(async () => db?.destroy())

  const pickAndSend = async (storeId: string, customerId: string, orderId: string): Promise<string> => {
    const pickInput: PickPairingInput = { storeId, customerId, orderId, excludePairingIds: [], excludeProductIds: [] }
    const pick = await env.run<[PickPairingInput], PairingPick | null, typeof activities.pickPairing>(activities.pickPairing, pickInput)
    const key = sendKey(storeId, orderId, 'email-1')
    const send: SendRecommendationInput = {
      storeId,
      customerId,
      orderId,
      sendKey: key,
      step: 'email-1',
      kind: 'first',
      pairing: pick!,
      segment: 'first-time',
    }
    const sent = await env.run<[SendRecommendationInput], SendResult, typeof activities.sendRecommendation>(
      activities.sendRecommendation,
      send,
    )
    expect(sent).toMatchObject({ status: 'sent' })
    return key
  }

  it('fills a grid variant with the pick, then the store’s best sellers, and keeps what was shown and the segment in the ledger', async () => {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    await givenProducts(db, storeId, ['kettle', 'lamp', 'mug', 'cup', 'saucer'])
    await givenPairings(db, storeId, [['kettle', 'lamp']])
    // Other customers' orders make mug and cup the store's best sellers, mug first.
    await givenOrder(db, storeId, '100', `${uniqueId('m')}@example.com`, ['mug', 'cup'])
    await givenOrder(db, storeId, '101', `${uniqueId('m')}@example.com`, ['mug'])
    const experiment = experimentSchema.parse({
      id: 'layout-test',
      name: 'One product or a grid',
      variants: [
        { id: 'single', layout: { kind: 'single' } },
        { id: 'grid', layout: { kind: 'grid', size: 3 } },
      ],
    })
    await startExperiment(db, storeId, experiment)
    const sent: Array<{ key: string; variant: string }> = []
    for (let index = 0; index < 12; index++) {
      const orderId = String(2000 + index)
      const customerId = await givenOrder(db, storeId, orderId, `${uniqueId('c')}@example.com`, ['kettle'])
      sent.push({ key: await pickAndSend(storeId, customerId, orderId), variant: assignVariant(experiment, customerId).id })
    }
    expect(new Set(sent.map(({ variant }) => variant))).toEqual(new Set(['single', 'grid']))

    const ledger = new Map((await listSends(db, storeId)).map((entry) => [entry.sendKey, entry]))
    const events = new Map(
      (await listOutboxEvents(db, storeId)).map((event) => [
        event.uniqueId,
        (event.event as { data: { attributes: { properties: EventProperties } } }).data.attributes.properties,
      ]),
    )
    for (const { key, variant } of sent) {
      const properties = events.get(key)!
      const shown = properties.recommended_products.map((product) => product.product_id)
      expect(properties).toMatchObject({ variant, layout: variant })
      expect(shown).toEqual(variant === 'grid' ? ['lamp', 'mug', 'cup'] : ['lamp'])
      expect(ledger.get(key)).toMatchObject({ productIds: shown, variantId: variant, segment: 'first-time' })
    }
  })

  it('waits a delay variant’s days for orders that came after the experiment started, and leaves earlier ones out of it', async () => {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    await givenProducts(db, storeId, ['kettle', 'lamp'])
    await givenPairings(db, storeId, [['kettle', 'lamp']])
    const before = await givenOrder(db, storeId, '1', `${uniqueId('c')}@example.com`, ['kettle'])
    const experiment = experimentSchema.parse({
      id: 'delay-test',
      name: 'Three days or seven',
      variants: [
        { id: 'three-days', delayDays: 3 },
        { id: 'seven-days', delayDays: 7 },
      ],
    })
    await startExperiment(db, storeId, experiment)
    const load = (customerId: string, orderId: string) =>
      env.run<[LoadJourneyInput], JourneyContext, typeof activities.loadJourney>(activities.loadJourney, { storeId, customerId, orderId })

    expect((await load(before, '1')).policy.delayMs).toEqual(defaultJourneyPolicy.delayMs)
    await pickAndSend(storeId, before, '1')

    const after: Array<{ customerId: string; orderId: string }> = []
    for (let index = 0; index < 8; index++) {
      const orderId = String(10 + index)
      after.push({ customerId: await givenOrder(db, storeId, orderId, `${uniqueId('c')}@example.com`, ['kettle']), orderId })
    }
    for (const { customerId, orderId } of after) {
      const context = await load(customerId, orderId)
      const days = assignVariant(experiment, customerId).delayDays!
      expect(context.policy.delayMs).toEqual({ ...defaultJourneyPolicy.delayMs, [context.segment]: days * 86_400_000 })
      await pickAndSend(storeId, customerId, orderId)
    }
    const ledger = await listSends(db, storeId)
    expect(ledger.find((entry) => entry.orderId === '1')).toMatchObject({ experimentId: null, variantId: null })
    for (const { customerId, orderId } of after)
      expect(ledger.find((entry) => entry.orderId === orderId)).toMatchObject({
        experimentId: 'delay-test',
        variantId: assignVariant(experiment, customerId).id,
      })
  })
})
