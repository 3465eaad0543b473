import { createTestDatabase } from '@crosswise/testing'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { describe, expect, it } from 'vitest'
import { migrations } from '../migrations/index.ts'
import { createDatabase, getStore, migrateToLatest } from '../src/index.ts'

describe('migration 0013', () => {
  it('keeps a store’s fulfillment rules and its orders’ fulfillment status under the new spelling', async () => {
    const db = createDatabase(await createTestDatabase('fulfillment_spelling_migration'))
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo('0012-pairing-reviews')).error).toBeUndefined()
      await sql`
        insert into stores (id, name, policy) values
          ('set', 'Set', '{"fulfilment": {"timeoutMs": 60000, "onTimeout": "proceed"}, "holdoutShare": 0.2}'::jsonb),
          ('plain', 'Plain', '{}'::jsonb)`.execute(db)
      await sql`insert into customers (store_id, id, email) values ('set', 'c1', 'c1@example.com')`.execute(db)
      await sql`
        insert into orders (store_id, id, customer_id, placed_at, currency, total, fulfilment_status)
        values ('set', 'o1', 'c1', now(), 'EUR', '10.00', 'partial')`.execute(db)

      await migrateToLatest(db)
      const policy = (await getStore(db, 'set'))!.policy
      expect(policy.fulfillment).toEqual({ timeoutMs: 60_000, onTimeout: 'proceed', partial: 'proceed' })
      expect(policy.holdoutShare).toBe(0.2)
      expect((await getStore(db, 'plain'))!.policy.fulfillment.timeoutMs).toBe(30 * 24 * 3_600_000)
      const order = await db.selectFrom('orders').select('fulfillment_status').where('id', '=', 'o1').executeTakeFirstOrThrow()
      expect(order.fulfillment_status).toBe('partial')
    } finally {
      await db.destroy()
    }
  })
})
