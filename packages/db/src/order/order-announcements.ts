import { eventKey, isFullRefund, isOrderFulfilled, journeyWorkflowId } from '@crosswise/domain'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { enqueueDispatches } from '../dispatch/dispatch.repository.ts'
import type { FulfilledLine } from '../fulfillment/fulfillment.table.ts'

/** A stored order as announcing its facts needs it. */
interface AnnouncedOrder {
  customerId: string
  total: string
  /** Its journey was told about it (its `orderPlaced` dispatch exists). */
  announced: boolean
}

/** A fulfilment or refund of an order, oldest first, as `readOrderFacts` returns them (JSON). */
interface OrderFact {
  kind: 'fulfillment' | 'refund'
  id: string
  at: string
  said: boolean | null
  line_items: FulfilledLine[] | null
  amount: string | null
}

/** Everything about one order that announcing its facts reads, in one round trip. */
async function readOrderFacts(
  trx: Transaction<Database>,
  storeId: string,
  orderId: string,
): Promise<{ order: AnnouncedOrder | null; facts: OrderFact[]; lines: Array<{ productId: string; quantity: number }> }> {
  const { rows } = await sql<{ order: AnnouncedOrder | null; facts: OrderFact[]; lines: Array<{ productId: string; quantity: number }> }>`
    select
      (select json_build_object(
                'customerId', customer_id, 'total', total::text,
                'announced', exists (select 1 from dispatches where event_key = ${eventKey('order', storeId, orderId)}))
         from orders where store_id = ${storeId} and id = ${orderId}) as "order",
      coalesce((select json_agg(fact order by fact.created_at, fact.at, fact.id) from (
         select 'fulfillment' as kind, id, fulfilled_at as at, complete as said, line_items, null::text as amount, created_at
         from fulfillments where store_id = ${storeId} and order_id = ${orderId}
         union all
         select 'refund', id, refunded_at, "full", null, amount::text, created_at
         from refunds where store_id = ${storeId} and order_id = ${orderId}) as fact), '[]') as facts,
      coalesce((select json_agg(json_build_object('productId', product_id, 'quantity', quantity))
         from order_lines where store_id = ${storeId} and order_id = ${orderId}), '[]') as lines`.execute(trx)
  return rows[0]!
}

/**
 * Enqueues, after the order's own `orderPlaced`, a dispatch for every fulfilment and refund stored
 * for the order, so facts that arrived before their order reach the journey after it, in the order
 * they were received. Already announced facts are skipped by their event key. Call with the order
 * locked (`lockOrder`). Tells whether the order is stored.
 */
export async function announceOrderFacts(trx: Transaction<Database>, storeId: string, orderId: string): Promise<{ orderKnown: boolean }> {
  const { order, facts, lines } = await readOrderFacts(trx, storeId, orderId)
  if (!order) return { orderKnown: false }
  // Only an order whose journey was told about it gets its facts announced: imported history and
  // orders that arrived already cancelled have no journey to tell.
  if (order.announced) await enqueueFactDispatches(trx, storeId, orderId, order, facts, lines)
  return { orderKnown: true }
}

/**
 * `announceOrderFacts` for an order the caller has just stored and announced (it knows the customer
 * and total).
 */
export async function announceFactsOf(
  trx: Transaction<Database>,
  storeId: string,
  orderId: string,
  order: { customerId: string; total: string },
): Promise<void> {
  const { facts, lines } = await readOrderFacts(trx, storeId, orderId)
  await enqueueFactDispatches(trx, storeId, orderId, order, facts, lines)
}

async function enqueueFactDispatches(
  trx: Transaction<Database>,
  storeId: string,
  orderId: string,
  order: { customerId: string; total: string },
  facts: readonly OrderFact[],
  lines: ReadonlyArray<{ productId: string; quantity: number }>,
): Promise<void> {
  const target = { storeId, customerId: order.customerId, workflowId: journeyWorkflowId(storeId, order.customerId) }
  const fulfillments = facts.filter((fact) => fact.kind === 'fulfillment')
  const refunds = facts.filter((fact) => fact.kind === 'refund')
  const parts = fulfillments.map((fact) => ({ complete: fact.said, lineItems: fact.line_items }))
  await enqueueDispatches(trx, [
    ...fulfillments.map((fact, index) => ({
      ...target,
      signal: 'orderFulfilled' as const,
      eventKey: eventKey('fulfillment', storeId, fact.id),
      payload: {
        orderId,
        fulfilledAt: new Date(fact.at).toISOString(),
        // Complete when this fulfilment, with those received before it, ships every line.
        complete: fact.said ?? isOrderFulfilled(lines, parts.slice(0, index + 1)),
      },
    })),
    ...refunds.map((fact, index) => ({
      ...target,
      signal: 'orderRefunded' as const,
      eventKey: eventKey('refund', storeId, fact.id),
      payload: {
        orderId,
        refundedAt: new Date(fact.at).toISOString(),
        full:
          fact.said ??
          isFullRefund(
            order.total,
            refunds.slice(0, index + 1).map((refund) => refund.amount!),
          ),
      },
    })),
  ])
}

/** Whether the order is stored. */
export async function isOrderStored(trx: Transaction<Database>, storeId: string, orderId: string): Promise<boolean> {
  const row = await trx.selectFrom('orders').select('id').where('store_id', '=', storeId).where('id', '=', orderId).executeTakeFirst()
  return row !== undefined
}
