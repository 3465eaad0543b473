import { createDatabase, listPairingModels, migrateToLatest, minedPairingsFor, type Db } from '@crosswise/db'
import { pairingRefreshId } from '@crosswise/domain'
import { createTestDatabase, temporalAddress, uniqueId } from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActivities } from '@crosswise/engine'
import { ensureStoreSchedule, pairingRefreshSchedule, StoreScheduleKeeper } from '../src/index.ts'
import { givenOrder, givenStore } from './store-fixtures.ts'
import { waitUntil, withEngineWorker } from './engine-worker.ts'

describe('nightly pairing refresh on a real Temporal dev server', () => {
  let db: Db
  let connection: Connection
  let client: Client
  const scheduleIds: string[] = []
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('pairing_refresh'))
    await migrateToLatest(db)
    connection = await Connection.connect({ address: temporalAddress() })
    client = new Client({ connection })
  })
  afterAll(async () => {
    for (const scheduleId of scheduleIds)
      await client.schedule
        .getHandle(scheduleId)
        .delete()
        .catch(() => undefined)
    await connection?.close()
    await db?.destroy()
  })

  const options = (cron: string, taskQueue = 'refresh-tests') => ({ taskQueue, cron, callTimeoutMs: 10_000 })
  const nextRun = async (storeId: string) =>
    (await client.schedule.getHandle(pairingRefreshId(storeId)).describe()).info.nextActionTimes[0]!

  it('creates one schedule per store, nightly at the configured UTC time, and brings it up to date idempotently', async () => {
    const storeIds = [uniqueId('shop'), uniqueId('shop')]
    for (const storeId of storeIds) await givenStore(db, storeId)
    scheduleIds.push(...storeIds.map(pairingRefreshId))
    const keeper = (cron: string) =>
      new StoreScheduleKeeper({
        kind: pairingRefreshSchedule,
        client,
        db,
        logger: pino({ level: 'silent' }),
        everyMs: 60_000,
        ...options(cron),
      })
    const running = keeper('0 3 * * *')
    expect(await running.sweep()).toBe(2)
    expect(await running.sweep()).toBe(0)
    const later = uniqueId('shop')
    await givenStore(db, later)
    scheduleIds.push(pairingRefreshId(later))
    expect(await running.sweep()).toBe(1)
    // A restarted worker finds every schedule in place.
    expect(await keeper('0 3 * * *').sweep()).toBe(0)

    const [first] = storeIds as [string, string]
    const description = await client.schedule.getHandle(pairingRefreshId(first)).describe()
    expect(description.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'refreshPairings',
      taskQueue: 'refresh-tests',
      args: [{ storeId: first }],
    })
    expect(description.policies.overlap).toBe('SKIP')
    const at = await nextRun(first)
    expect([at.getUTCHours(), at.getUTCMinutes()]).toEqual([3, 0])
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000)

    expect(await ensureStoreSchedule(client, pairingRefreshSchedule, first, options('30 4 * * *', 'other-queue'))).toBe('updated')
    const moved = await nextRun(first)
    expect([moved.getUTCHours(), moved.getUTCMinutes()]).toEqual([4, 30])
    expect((await client.schedule.getHandle(pairingRefreshId(first)).describe()).action).toMatchObject({ taskQueue: 'other-queue' })
  })

  it('refreshes a store’s mined pairings when its schedule fires', { timeout: 300_000 }, async () => {
    const storeId = uniqueId('shop')
    await givenStore(db, storeId)
    for (const [orderId, products] of [
      ['1', ['kettle', 'tea']],
      ['2', ['kettle', 'tea']],
      ['3', ['kettle', 'mug']],
    ] as const) {
      await givenOrder(db, storeId, orderId, `${uniqueId('c')}@example.com`, [...products])
    }
    const taskQueue = uniqueId('refresh')
    scheduleIds.push(pairingRefreshId(storeId))
    await ensureStoreSchedule(client, pairingRefreshSchedule, storeId, options('0 3 * * *', taskQueue))

    await withEngineWorker(createActivities({ db }), taskQueue, async () => {
      await client.schedule.getHandle(pairingRefreshId(storeId)).trigger()
      await waitUntil(async () => (await listPairingModels(db, storeId)).length > 0)
    })
    expect(await listPairingModels(db, storeId)).toMatchObject([{ status: 'current', orderCount: 3, productCount: 3 }])
    expect(await minedPairingsFor(db, storeId, ['kettle'], 1)).toMatchObject([{ recommendedProductId: 'tea', support: 2 }])
    const runs = await client.schedule.getHandle(pairingRefreshId(storeId)).describe()
    expect(runs.info.recentActions[0]?.action.workflow.workflowId).toMatch(new RegExp(`^${pairingRefreshId(storeId)}`))
  })
})
