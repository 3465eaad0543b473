import type { Transaction } from 'kysely'
import type { Database } from '../database.ts'

/** A webhook delivery as its headers describe it. */
export interface WebhookDelivery {
  storeId: string
  webhookId: string
  eventId?: string
  topic: string
  triggeredAt?: Date
}

/**
 * Claims a delivery in the caller's transaction. Returns false when the same delivery (webhook id)
 * or the same merchant action on the same topic (event id) was already accepted: the caller then
 * acknowledges it and records nothing. A concurrent duplicate waits here until the first commits.
 */
export async function claimWebhookDelivery(trx: Transaction<Database>, delivery: WebhookDelivery): Promise<{ claimed: boolean; id?: string }> {
  const row = await trx
    .insertInto('webhook_deliveries')
    .values({
      store_id: delivery.storeId,
      webhook_id: delivery.webhookId,
      event_id: delivery.eventId ?? null,
      topic: delivery.topic,
      triggered_at: delivery.triggeredAt ?? null,
      outcome: 'received',
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  return row ? { claimed: true, id: row.id } : { claimed: false }
}

/** Notes what a claimed delivery did, e.g. `order-recorded` or `fulfilment-waiting-for-order`. */
export async function settleWebhookDelivery(trx: Transaction<Database>, id: string, outcome: string): Promise<void> {
  await trx.updateTable('webhook_deliveries').set({ outcome }).where('id', '=', id).execute()
}
