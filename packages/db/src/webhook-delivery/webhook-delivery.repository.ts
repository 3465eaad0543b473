import pg from 'pg'
import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { Database, Db } from '../database.ts'

/** A webhook delivery as its headers describe it. */
export interface WebhookDelivery {
  storeId: string
  webhookId: string
  eventId?: string
  topic: string
  triggeredAt?: Date
}

/**
 * Takes in one delivery: runs its effect and records the delivery with the effect's outcome (e.g.
 * `order-recorded`) in one transaction. Returns the outcome, or undefined when the same delivery
 * (webhook id) or the same merchant action on the same topic (event id) was already recorded: the
 * transaction is then rolled back, so the duplicate leaves nothing behind. A concurrent duplicate
 * waits for the first to commit, then sees the conflict; an effect that throws rolls everything back.
 */
export async function takeInDelivery(
  db: Db,
  delivery: WebhookDelivery,
  effect: (trx: Transaction<Database>) => Promise<string>,
): Promise<string | undefined> {
  return recordingDelivery(() =>
    db.connection().execute(async (connection) => {
      // On a pipelining pool the effect's first statement goes out behind BEGIN without waiting for it.
      const begun = sql`begin`.execute(connection)
      begun.catch(() => undefined)
      try {
        // The transaction is begun and committed here, not by Kysely's Transaction, so that the delivery
        // record can travel with the COMMIT: a round trip less per webhook. The effect only runs queries.
        const outcome = await effect(connection as unknown as Transaction<Database>)
        await begun
        await sql.raw(`${insertDelivery(delivery, outcome)}; commit`).execute(connection)
        return outcome
      } catch (error) {
        await sql`rollback`.execute(connection)
        throw error
      }
    }),
  )
}

/**
 * Records a delivery whose effect is nothing (a stale replay, a topic we do not take in) in one
 * statement. Returns the outcome, or undefined for a duplicate.
 */
export async function recordDelivery(db: Db, delivery: WebhookDelivery, outcome: string): Promise<string | undefined> {
  return recordingDelivery(async () => {
    await db
      .insertInto('webhook_deliveries')
      .values({ ...deliveryValues(delivery), outcome })
      .execute()
    return outcome
  })
}

/**
 * Takes in a delivery whose effect is one function call answering a `code` (`record_order(…)` and
 * the like): the call and the delivery's record, with the outcome `outcomes` names for the code, are
 * one statement, so one round trip and its own transaction. Undefined for a duplicate: its unique keys
 * fail the record, which undoes the effect too.
 */
export async function takeInDeliveryWithCall<Code extends string>(
  db: Db,
  delivery: WebhookDelivery,
  call: RawBuilder<{ code: Code }>,
  outcomes: Readonly<Record<Code, string>>,
): Promise<string | undefined> {
  return recordingDelivery(async () => {
    // The call is volatile, so the CTE runs it once, before the record that reads its answer.
    const { rows } = await sql<{ outcome: string }>`
      with effect as (select code from ${call})
      insert into webhook_deliveries (store_id, webhook_id, event_id, topic, triggered_at, outcome)
      select ${delivery.storeId}, ${delivery.webhookId}, ${delivery.eventId ?? null}, ${delivery.topic},
             ${delivery.triggeredAt ?? null}::timestamptz, ${JSON.stringify(outcomes)}::jsonb ->> effect.code
      from effect
      returning outcome`.execute(db)
    return rows[0]!.outcome
  })
}

/** The columns of a delivery's record but its outcome. */
export function deliveryValues(delivery: WebhookDelivery) {
  return {
    store_id: delivery.storeId,
    webhook_id: delivery.webhookId,
    event_id: delivery.eventId ?? null,
    topic: delivery.topic,
    triggered_at: delivery.triggeredAt ?? null,
  }
}

/**
 * Runs what records a delivery with its effect (one statement, or a transaction that rolls back on
 * failure): a duplicate fails the record's unique keys, and is answered with undefined. A take that
 * PostgreSQL chose as a deadlock's victim was rolled back whole and is run again, a few times: two
 * deliveries about one customer (an erasure and a cancellation) can lock its rows in opposite order,
 * and Shopify would otherwise get a 500 for a delivery that only had to wait.
 */
export async function recordingDelivery(take: () => Promise<string>): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await take()
    } catch (error) {
      if (isDuplicateDelivery(error)) return undefined
      if (attempt < deadlockAttempts && isDeadlock(error)) continue
      throw error
    }
  }
}

const deadlockAttempts = 3

/**
 * The delivery's insert as literal SQL: a statement sent with `commit` in one message cannot carry
 * parameters. Without ON CONFLICT, a duplicate fails the insert and the commit after it never runs.
 */
function insertDelivery(delivery: WebhookDelivery, outcome: string): string {
  const literal = (value: string | undefined) => (value === undefined ? 'null' : pg.escapeLiteral(value))
  const values = [
    literal(delivery.storeId),
    literal(delivery.webhookId),
    literal(delivery.eventId),
    literal(delivery.topic),
    delivery.triggeredAt ? `${literal(delivery.triggeredAt.toISOString())}::timestamptz` : 'null',
    literal(outcome),
  ]
  return `insert into webhook_deliveries (store_id, webhook_id, event_id, topic, triggered_at, outcome) values (${values.join(', ')})`
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

function isDeadlock(error: unknown): boolean {
  return (error as { code?: string }).code === '40P01'
}

function isDuplicateDelivery(error: unknown): boolean {
  const { code, table } = error as { code?: string; table?: string }
  return code === '23505' && table === 'webhook_deliveries'
}
