import type { Db } from '../database.ts'

/** One event of the dry-run outbox. */
export interface OutboxEvent {
  uniqueId: string
  storeId: string
  customerId: string
  profileId: string
  metric: string
  /** The exact `POST /api/events` body. */
  event: Record<string, unknown>
  createdAt?: Date
}

/** Writes an event to the outbox once per `uniqueId`, as Klaviyo keeps the first event per key. */
export async function writeOutboxEvent(db: Db, entry: OutboxEvent): Promise<{ written: boolean }> {
  const inserted = await db
    .insertInto('klaviyo_outbox')
    .values({
      unique_id: entry.uniqueId,
      store_id: entry.storeId,
      customer_id: entry.customerId,
      profile_id: entry.profileId,
      metric: entry.metric,
      event: JSON.stringify(entry.event),
    })
    .onConflict((oc) => oc.column('unique_id').doNothing())
    .returning('unique_id')
    .executeTakeFirst()
  return { written: inserted !== undefined }
}

/** A store's outbox, oldest first. */
export async function listOutboxEvents(db: Db, storeId: string): Promise<OutboxEvent[]> {
  const rows = await db
    .selectFrom('klaviyo_outbox')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('created_at')
    .orderBy('unique_id')
    .execute()
  return rows.map((row) => ({
    uniqueId: row.unique_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    profileId: row.profile_id,
    metric: row.metric,
    event: row.event,
    createdAt: row.created_at,
  }))
}
