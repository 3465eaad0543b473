import type { Db } from '@crosswise/db'
import { sql } from 'kysely'

/** Every table of the schema with the number of its rows whose text mentions `text` (any case); only those with some. */
export async function rowsMentioning(db: Db, text: string): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  const found: Record<string, number> = {}
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{
      n: string
    }>`select count(*) as n from ${sql.table(table_name)} t where t::text ilike ${`%${text}%`}`.execute(db)
    const count = Number(rows[0]!.n)
    if (count > 0) found[table_name] = count
  }
  return found
}
