import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../database.ts'

/** A webhook delivery as its headers describe it, with what it did. */
export interface WebhookDelivery {
  storeId: string
  webhookId: string
  eventId?: string
  topic: string
  triggeredAt?: Date
  /** What the delivery did, e.g. `order-recorded` or `fulfilment-waiting-for-order`. */
  outcome: string
}

/**
 * Records an accepted delivery in the caller's transaction, after its effect. Returns false when
 * the same delivery (webhook id) or the same merchant action on the same topic (event id) was
 * already recorded: the caller then rolls its transaction back, so the duplicate leaves nothing
 * behind. A concurrent duplicate waits here until the first commits, then sees the conflict.
 * Recording last rather than claiming first saves a round trip per delivery; a duplicate pays for
 * its (idempotent) effect being redone and rolled back.
 */
export async function recordWebhookDelivery(trx: Transaction<Database>, delivery: WebhookDelivery): Promise<boolean> {
  const row = await trx
    .insertInto('webhook_deliveries')
    .values({
      store_id: delivery.storeId,
      webhook_id: delivery.webhookId,
      event_id: delivery.eventId ?? null,
      topic: delivery.topic,
      triggered_at: delivery.triggeredAt ?? null,
      outcome: delivery.outcome,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Deletes deliveries received before `cutoff`, in batches so no statement holds many row locks for
 * long. Returns how many were deleted. Safe to run from several processes at once.
 */
export async function deleteDeliveriesReceivedBefore(db: Db, cutoff: Date, batchSize = 5_000): Promise<number> {
  let deleted = 0
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      with gone as (
        delete from webhook_deliveries where id in (select id from webhook_deliveries where received_at < ${cutoff} limit ${batchSize})
        returning 1
      )
      select count(*)::int as n from gone`.execute(db)
    const n = rows[0]?.n ?? 0
    deleted += n
    if (n < batchSize) return deleted
  }
}
