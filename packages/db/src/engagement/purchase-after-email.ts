import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** A purchase that answers an email: the customer's order of a recommended product, or a dry run's recorded one. */
export interface PurchaseAfterEmail {
  /** The customer's first order since the email that bought one of its products (not cancelled). */
  orderId?: string
  /** A purchase recorded by hand for the dry-run email. */
  recordedInDryRun: boolean
}

/**
 * Whether the customer bought what an email recommended: their first order at or after `since` with
 * one of `productIds`, and for a dry-run email (`dryRunSendKey`) a purchase recorded by hand, in one
 * statement (the engagement read runs at every poll of every journey).
 */
export async function findPurchaseAfterEmail(
  db: Db,
  query: { storeId: string; customerId: string; productIds: readonly string[]; since: Date; dryRunSendKey?: string },
): Promise<PurchaseAfterEmail> {
  const { rows } = await sql<{ order_id: string | null; recorded: boolean }>`
    select
      (select o.id from order_lines l join orders o on o.store_id = l.store_id and o.id = l.order_id
       where o.store_id = ${query.storeId} and o.customer_id = ${query.customerId} and o.placed_at >= ${query.since}
         and o.cancelled_at is null and l.product_id = any(${[...query.productIds]}::text[])
       order by o.placed_at limit 1) as order_id,
      exists (select 1 from dry_run_engagements where send_key = ${query.dryRunSendKey ?? null} and kind = 'purchased') as recorded`.execute(
    db,
  )
  const row = rows[0]!
  return { ...(row.order_id === null ? {} : { orderId: row.order_id }), recordedInDryRun: row.recorded }
}
