import { createTestDatabase } from '@crosswise/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, type Db } from '../src/index.ts'

describe('a pool with prepared statements', () => {
  let db: Db
  beforeAll(async () => {
    // One connection, so pg_prepared_statements shows everything the pool prepared.
    db = createDatabase(await createTestDatabase('prepared_statements'), { maxConnections: 1, preparedStatements: 2 })
  })
  afterAll(async () => db?.destroy())

  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements order by statement`.execute(db)).rows.map(
      (row) => row.statement,
    )

  it('prepares up to its limit of distinct parameterised statements and runs the rest unnamed, each with its own values', async () => {
    const squares = await Promise.all(
      [1, 2, 3].map(async (n) => (await sql<{ v: number }>`select ${n}::int * ${n}::int as v`.execute(db)).rows[0]!.v),
    )
    const sums = await Promise.all([1, 2].map(async (n) => (await sql<{ v: number }>`select ${n}::int + 1 as v`.execute(db)).rows[0]!.v))
    const doubled = (await sql<{ v: number }>`select ${21}::int * 2 as v`.execute(db)).rows[0]!.v
    expect([squares, sums, doubled]).toEqual([[1, 4, 9], [2, 3], 42])
    // Statements without values (and the catalogue query itself) are never named.
    expect(await prepared()).toEqual(['select $1::int * $2::int as v', 'select $1::int + 1 as v'])
  })

  it('runs a prepared statement unnamed once a migration has changed the columns it returns', async () => {
    const migrating = createDatabase(await createTestDatabase('prepared_statements_migrated'), {
      maxConnections: 1,
      preparedStatements: 10,
    })
    try {
      await sql`create table migrated (id int primary key)`.execute(migrating)
      await sql`insert into migrated values (1)`.execute(migrating)
      const read = async () => (await sql<Record<string, unknown>>`select * from migrated where id = ${1}`.execute(migrating)).rows
      expect(await read()).toEqual([{ id: 1 }])
      await sql`alter table migrated add column note text default 'added'`.execute(migrating)
      expect(await read()).toEqual([{ id: 1, note: 'added' }])
      expect(await read()).toEqual([{ id: 1, note: 'added' }])
    } finally {
      await migrating.destroy()
    }
  })
})
