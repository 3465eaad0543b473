import { eventKey, isFullRefund, isOrderFulfilled, journeyWorkflowId } from '@crosswise/domain'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { enqueueDispatches } from '../dispatch/dispatch.repository.ts'
import type { FulfilledLine } from '../fulfillment/fulfillment.table.ts'

/**
 * Enqueues, after the order's own `orderPlaced`, a dispatch for every fulfilment and refund stored
 * for the order, so facts that arrived before their order reach the journey after it, in the order
 * they were received. Already announced facts are skipped by their event key. Call with the order
 * locked (`lockOrder`). Tells whether the order is stored.
 */
export async function announceOrderFacts(trx: Transaction<Database>, storeId: string, orderId: string): Promise<{ orderKnown: boolean }> {
  // Only an order whose journey was told about it gets its facts announced: imported history and
  // orders that arrived already cancelled have no journey to tell.
  const order = await trx
    .selectFrom('orders')
    .select(['customer_id', 'total'])
    .select((eb) => eb.exists(eb.selectFrom('dispatches').select('id').where('event_key', '=', eventKey('order', storeId, orderId))).as('announced'))
    .where('store_id', '=', storeId)
    .where('id', '=', orderId)
    .executeTakeFirst()
  if (!order) return { orderKnown: false }
  const { announced } = order
  if (announced) await announceFactsOf(trx, storeId, orderId, { customerId: order.customer_id, total: order.total })
  return { orderKnown: true }
}

/**
 * `announceOrderFacts` for an order the caller has just stored and announced (it knows the customer
 * and total), sparing the lookups.
 */
export async function announceFactsOf(
  trx: Transaction<Database>,
  storeId: string,
  orderId: string,
  order: { customerId: string; total: string },
): Promise<void> {
  const target = { storeId, customerId: order.customerId, workflowId: journeyWorkflowId(storeId, order.customerId) }
  // Both kinds in one round trip: for a new order this is usually the only query, and it is empty.
  const { rows: facts } = await sql<{
    kind: 'fulfillment' | 'refund'
    id: string
    at: Date
    said: boolean | null
    line_items: FulfilledLine[] | null
    amount: string | null
  }>`
    select 'fulfillment' as kind, id, fulfilled_at as at, complete as said, line_items, null::numeric as amount, created_at
    from fulfillments where store_id = ${storeId} and order_id = ${orderId}
    union all
    select 'refund', id, refunded_at, "full", null, amount, created_at
    from refunds where store_id = ${storeId} and order_id = ${orderId}
    order by created_at, at, id`.execute(trx)
  if (facts.length === 0) return

  const fulfilments = facts.filter((fact) => fact.kind === 'fulfillment')
  const refunds = facts.filter((fact) => fact.kind === 'refund')
  const lines =
    fulfilments.length === 0
      ? []
      : await trx
          .selectFrom('order_lines')
          .select(['product_id as productId', 'quantity'])
          .where('store_id', '=', storeId)
          .where('order_id', '=', orderId)
          .execute()
  const parts = fulfilments.map((fact) => ({ complete: fact.said, lineItems: fact.line_items }))
  await enqueueDispatches(trx, [
    ...fulfilments.map((fact, index) => ({
      ...target,
      kind: 'orderFulfilled' as const,
      eventKey: eventKey('fulfillment', storeId, fact.id),
      payload: {
        orderId,
        fulfilledAt: fact.at.toISOString(),
        // Complete when this fulfilment, with those received before it, ships every line.
        complete: fact.said ?? isOrderFulfilled(lines, parts.slice(0, index + 1)),
      },
    })),
    ...refunds.map((fact, index) => ({
      ...target,
      kind: 'orderRefunded' as const,
      eventKey: eventKey('refund', storeId, fact.id),
      payload: {
        orderId,
        refundedAt: fact.at.toISOString(),
        full: fact.said ?? isFullRefund(order.total, refunds.slice(0, index + 1).map((refund) => refund.amount!)),
      },
    })),
  ])
}

/** Whether the order is stored. */
export async function isOrderStored(trx: Transaction<Database>, storeId: string, orderId: string): Promise<boolean> {
  const row = await trx.selectFrom('orders').select('id').where('store_id', '=', storeId).where('id', '=', orderId).executeTakeFirst()
  return row !== undefined
}
