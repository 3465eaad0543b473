import { createDatabase, ensureStore, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const day = 24 * 3_600_000

describe('webhook delivery retention', () => {
  let db: Db
  let app: FastifyInstance | undefined

  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_retention'))
    await migrateToLatest(db)
    await ensureStore(db, 'kept', { name: 'Kept', currency: 'EUR' })
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const receivedAgo = (webhookId: string, ms: number) => ({
    store_id: 'kept',
    webhook_id: webhookId,
    topic: 'orders/create',
    triggered_at: new Date(Date.now() - ms),
    received_at: new Date(Date.now() - ms),
    outcome: 'order-recorded',
  })

  it('deletes deliveries older than the retention, keeps younger ones, and sweeps again on its interval', async () => {
    await db
      .insertInto('webhook_deliveries')
      .values([receivedAgo('eight-days', 8 * day), receivedAgo('six-days', 6 * day), receivedAgo('now', 0)])
      .execute()
    app = await buildServer({
      db,
      logger: pino({ level: 'silent' }),
      bodyLimit: 64 * 1024,
      deliveryRetention: { keepMs: 7 * day, sweepEveryMs: 50 },
    })
    const kept = async () =>
      (await db.selectFrom('webhook_deliveries').select('webhook_id').orderBy('webhook_id').execute()).map((row) => row.webhook_id)
    await expect.poll(kept, { timeout: 10_000 }).toEqual(['now', 'six-days'])

    await db
      .insertInto('webhook_deliveries')
      .values(receivedAgo('nine-days', 9 * day))
      .execute()
    await expect.poll(kept, { timeout: 10_000 }).toEqual(['now', 'six-days'])
    await app.close()
    app = undefined
  })
})
