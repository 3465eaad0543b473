import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** A table holding rows of stores, and the tables whose foreign keys point at it. */
interface StoreTable {
  name: string
  referencedBy: string[]
}

/**
 * Every table with a `store_id` column, found in the schema rather than listed, so a table added
 * later is erased too; `journey_erasures` is left out, as it must outlive the store.
 */
async function storeTables(db: Db): Promise<StoreTable[]> {
  const { rows } = await sql<{ name: string; referenced_by: string[] | null }>`
    select c.table_name as name,
           (select array_agg(distinct child.relname::text)
              from pg_constraint f join pg_class child on child.oid = f.conrelid join pg_class parent on parent.oid = f.confrelid
             where f.contype = 'f' and parent.relname = c.table_name and child.relname <> c.table_name) as referenced_by
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.column_name = 'store_id' and c.table_name <> 'journey_erasures'`.execute(db)
  return rows.map((row) => ({ name: row.name, referencedBy: row.referenced_by ?? [] }))
}

/**
 * Deletes a store and everything it holds (Shopify's `shop/redact`, 48 hours after the shop
 * uninstalled the app): every table's rows of the store, children before the tables they point at,
 * then the store itself, in one transaction; the store's Temporal executions and schedules are queued
 * for deletion (`JourneyEraser`). Returns false when there is no such store.
 */
export async function eraseStore(db: Db, storeId: string): Promise<boolean> {
  const tables = await storeTables(db)
  return db.transaction().execute(async (trx) => {
    const store = await trx.selectFrom('stores').select('id').where('id', '=', storeId).forUpdate().executeTakeFirst()
    if (!store) return false
    const left = new Map(tables.map((table) => [table.name, table]))
    while (left.size > 0) {
      // A table whose referrers (other than the store table itself) are all emptied can go.
      const ready = [...left.values()].filter((table) => table.referencedBy.every((child) => !left.has(child)))
      if (ready.length === 0) throw new Error(`cannot order the erasure of tables ${[...left.keys()].join(', ')}: their keys form a cycle`)
      for (const table of ready) {
        await sql`delete from ${sql.table(table.name)} where store_id = ${storeId}`.execute(trx)
        left.delete(table.name)
      }
    }
    await trx.deleteFrom('stores').where('id', '=', storeId).execute()
    await trx.insertInto('journey_erasures').values({ store_id: storeId, workflow_id: null, last_error: null }).execute()
    return true
  })
}
