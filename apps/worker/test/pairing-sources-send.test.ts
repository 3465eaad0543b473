import { createDatabase, listOutboxEvents, listSends, migrateToLatest, saveMinedPairings, type Db } from '@crosswise/db'
import { sendKey } from '@crosswise/domain'
import {
  pairingSourceSchema,
  type PairingPick,
  type PairingSource,
  type PickPairingInput,
  type SendRecommendationInput,
  type SendResult,
} from '@crosswise/journeys'
import { createTestDatabase, uniqueId } from '@crosswise/testing'
import { MockActivityEnvironment } from '@temporalio/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActivities } from '@crosswise/engine'
import { givenOrder, givenPairings, givenProducts, givenStore } from './store-fixtures.ts'

// Every source pickPairing can answer from, carried through the real send activity: the pick's shape
// and the send's contract are one, so a source the send refuses cannot reach a journey unnoticed.
describe('every pairing source goes out through the send activity', () => {
  let db: Db
  let activities: ReturnType<typeof createActivities>
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('pairing_sources'))
    await migrateToLatest(db)
    activities = createActivities({ db })
  })
  afterAll(async () => db?.destroy())

  /** A customer who just bought a kettle, in a store whose catalogue answers from `source` first. */
  async function storeAnsweringFrom(source: PairingSource) {
    const storeId = uniqueId('store')
    await givenStore(db, storeId)
    await givenProducts(db, storeId, ['kettle', 'tea'])
    await givenProducts(db, storeId, ['lamp'], { category: source === 'store-best-seller' ? 'lighting' : 'tea' })
    if (source !== 'store-best-seller') await givenOrder(db, storeId, '0901', `${uniqueId('c')}@example.com`, ['tea'])
    const customerId = await givenOrder(db, storeId, '1001', `${uniqueId('c')}@example.com`, ['kettle'])
    if (source === 'manual') await givenPairings(db, storeId, [['kettle', 'lamp']])
    if (source === 'mined') {
      const pairing = {
        triggerProductId: 'kettle',
        rank: 1,
        recommendedProductId: 'lamp',
        score: 1,
        support: 9,
        confidence: 0.4,
        lift: 3,
        triggerOrders: 20,
        recommendedOrders: 12,
        nextOrderCount: 2,
      }
      await saveMinedPairings(db, {
        storeId,
        orderCount: 50,
        productCount: 3,
        params: {},
        pairings: [{ ...pairing, reason: 'Bought with Kettle in 9 orders' }],
      })
    }
    if (source === 'store-best-seller') await givenProducts(db, storeId, ['tea'], { available: false })
    return { storeId, customerId }
  }

  it.each(pairingSourceSchema.options)('%s', async (source) => {
    const { storeId, customerId } = await storeAnsweringFrom(source)
    const env = new MockActivityEnvironment()
    const pickInput: PickPairingInput = { storeId, customerId, orderId: '1001', excludePairingIds: [], excludeProductIds: [] }
    const pick = await env.run<[PickPairingInput], PairingPick | null, typeof activities.pickPairing>(activities.pickPairing, pickInput)
    if (!pick) throw new Error(`no pick from ${source}`)
    expect(pick).toMatchObject({ source, triggerProductId: 'kettle' })

    const key = sendKey(storeId, '1001', 'email-1')
    const sendInput: SendRecommendationInput = {
      storeId,
      customerId,
      orderId: '1001',
      sendKey: key,
      step: 'email-1',
      kind: 'first',
      pairing: pick,
    }
    const sent = await env.run<[SendRecommendationInput], SendResult, typeof activities.sendRecommendation>(
      activities.sendRecommendation,
      sendInput,
    )
    expect(sent).toMatchObject({ status: 'sent' })
    expect(await listSends(db, storeId)).toMatchObject([
      { sendKey: key, status: 'sent', pairingId: pick.pairingId, pairingSource: source, productIds: pick.productIds },
    ])
    const [event] = await listOutboxEvents(db, storeId)
    expect(event!.event).toMatchObject({
      data: { attributes: { properties: { recommended_products: [{ product_id: pick.productIds[0] }] } } },
    })
  })
})
