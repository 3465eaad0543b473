import { createTestDatabase } from '@crosswise/testing'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { migrations } from '../migrations/index.ts'
import { createDatabase, migrateToLatest, type Db } from '../src/index.ts'

describe('migrations', () => {
  let db: Db | undefined
  afterAll(async () => db?.destroy())

  it('build the whole schema on a fresh database and are a no-op the second time', async () => {
    db = createDatabase(await createTestDatabase('migrations'))
    const applied = await migrateToLatest(db)
    expect(applied).toEqual(Object.keys(migrations).sort())

    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db)
    const names = tables.rows.map((row) => row.table_name)
    expect(names).toEqual(expect.arrayContaining(['customers', 'dispatches', 'order_lines', 'orders', 'stores']))
    // Dropped by 0011: nothing read or wrote it.
    expect(names).not.toContain('journey_steps')
    expect(await migrateToLatest(db)).toEqual([])
  })

  it('may run from several processes at once', async () => {
    const url = await createTestDatabase('migrations_parallel')
    const pools = [createDatabase(url), createDatabase(url), createDatabase(url)]
    try {
      const results = await Promise.all(pools.map((pool) => migrateToLatest(pool)))
      expect(results.flat().sort()).toEqual(Object.keys(migrations).sort())
    } finally {
      await Promise.all(pools.map((pool) => pool.destroy()))
    }
  })
})
