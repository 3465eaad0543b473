import {
  claimSend,
  createDatabase,
  latestPairingReview,
  markSent,
  migrateToLatest,
  recordConversion,
  retiredPairingIds,
  type Db,
} from '@crosswise/db'
import { pairingReviewId, type PairingSource } from '@crosswise/domain'
import { createActivities } from '@crosswise/engine'
import { createTestDatabase, temporalAddress, uniqueId } from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureStoreSchedule, pairingReviewSchedule } from '../src/index.ts'
import { givenStore } from './store-fixtures.ts'
import { waitUntil, withEngineWorker } from './engine-worker.ts'

/** Records `count` sent emails of one pairing to one customer, the first `converted` of which led to a purchase. */
async function givenSends(db: Db, storeId: string, pairingId: string, source: PairingSource, count: number, converted = 0): Promise<void> {
  for (let index = 0; index < count; index++) {
    const sendKey = `${storeId}:${pairingId}:${index}`
    await claimSend(db, {
      sendKey,
      storeId,
      customerId: 'c1',
      orderId: `o${index}`,
      step: 'first',
      kind: 'recommendation',
      pairingId,
      pairingSource: source,
      productIds: [pairingId.split(':')[2]!],
    })
    await markSent(db, sendKey, { channel: 'outbox', profileId: `crosswise:${storeId}:c1`, at: new Date() })
    if (index < converted)
      await recordConversion(db, { sendKey, storeId, customerId: 'c1', orderId: `o${index}`, pairingId, purchaseOrderId: null })
  }
}

describe('monthly pairing review on a real Temporal dev server', () => {
  let db: Db
  let connection: Connection
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('pairing_review'))
    await migrateToLatest(db)
    connection = await Connection.connect({ address: temporalAddress() })
  })
  afterAll(async () => {
    await connection?.close()
    await db?.destroy()
  })

  it(
    'retires a mined pairing that converts far below its peers and only flags a manual one, when the store’s schedule fires',
    { timeout: 180_000 },
    async () => {
      const client = new Client({ connection })
      const storeId = uniqueId('reviewed')
      await givenStore(db, storeId)
      // Against a peer converting 12.5 %, two pairings that never convert in 320 sends are clearly worse.
      await givenSends(db, storeId, 'mined:kettle:tea', 'mined', 320, 40)
      await givenSends(db, storeId, 'mined:kettle:descaler', 'mined', 320)
      await givenSends(db, storeId, 'manual:kettle:mug', 'manual', 320)
      await givenSends(db, storeId, 'mined:kettle:filter', 'mined', 20)
      const taskQueue = uniqueId('review')
      const schedule = client.schedule.getHandle(pairingReviewId(storeId))
      try {
        expect(
          await ensureStoreSchedule(client, pairingReviewSchedule, storeId, { taskQueue, cron: '0 4 1 * *', callTimeoutMs: 10_000 }),
        ).toBe('created')
        const description = await schedule.describe()
        expect(description.action).toMatchObject({
          type: 'startWorkflow',
          workflowType: 'reviewStorePairings',
          taskQueue,
          args: [{ storeId }],
        })
        const next = description.info.nextActionTimes[0]!
        expect([next.getUTCDate(), next.getUTCHours()]).toEqual([1, 4])

        await withEngineWorker(createActivities({ db }), taskQueue, async () => {
          await schedule.trigger()
          await waitUntil(async () => (await latestPairingReview(db, storeId)) !== undefined)
        })
      } finally {
        await schedule.delete().catch(() => undefined)
      }
      const review = await latestPairingReview(db, storeId)
      const verdicts = Object.fromEntries(review!.entries.map((entry) => [entry.pairingId, entry.verdict]))
      expect(verdicts).toEqual({
        'mined:kettle:tea': 'keep',
        'mined:kettle:descaler': 'retire',
        'manual:kettle:mug': 'flag',
        'mined:kettle:filter': 'collecting',
      })
      expect(await retiredPairingIds(db, storeId)).toEqual(['mined:kettle:descaler'])
    },
  )
})
