import type { Transaction } from 'kysely'
import type { Database } from '../database.ts'

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
