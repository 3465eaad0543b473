import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { CustomerContact } from './customer-history.repository.ts'
import { ownedProductIds } from './owned-products.ts'

/** Who an email goes to: the customer's contact and every product they own, in one round trip. */
export async function loadRecipient(
  db: Db,
  storeId: string,
  customerId: string,
): Promise<{ contact: CustomerContact; ownedProductIds: string[] } | undefined> {
  const { rows } = await sql<{ email: string; redacted_at: Date | null; currency: string; owned: string[] | null }>`
    select c.email, c.redacted_at, s.currency, ${ownedProductIds(sql.ref('c.store_id'), sql.ref('c.id'))} as owned
    from customers c
    join stores s on s.id = c.store_id
    where c.store_id = ${storeId} and c.id = ${customerId}`.execute(db)
  const row = rows[0]
  if (!row) return undefined
  return {
    contact: { email: row.email, redacted: row.redacted_at !== null, storeCurrency: row.currency.trim() },
    ownedProductIds: row.owned ?? [],
  }
}
