import { eventKey, isFullRefund, isOrderFulfilled, journeyWorkflowId } from '@crosswise/domain'
import type { Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { enqueueDispatch } from '../dispatch/dispatch.repository.ts'

/**
 * Enqueues, after the order's own `orderPlaced`, a dispatch for every fulfilment and refund stored
 * for the order, so facts that arrived before their order reach the journey after it, in the order
 * they were received. Already announced facts are skipped by their event key. Call with the order
 * locked (`lockOrder`).
 */
export async function announceOrderFacts(trx: Transaction<Database>, storeId: string, orderId: string): Promise<void> {
  const order = await trx
    .selectFrom('orders')
    .select(['customer_id', 'total'])
    .where('store_id', '=', storeId)
    .where('id', '=', orderId)
    .executeTakeFirst()
  if (!order) return
  // Only an order whose journey was told about it gets its facts announced: imported history and
  // orders that arrived already cancelled have no journey to tell.
  const announced = await trx.selectFrom('dispatches').select('id').where('event_key', '=', eventKey('order', storeId, orderId)).executeTakeFirst()
  if (!announced) return
  const target = { storeId, customerId: order.customer_id, workflowId: journeyWorkflowId(storeId, order.customer_id) }

  const fulfilments = await trx
    .selectFrom('fulfillments')
    .select(['id', 'fulfilled_at', 'complete', 'line_items'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('fulfilled_at')
    .orderBy('id')
    .execute()
  if (fulfilments.length > 0) {
    const lines = await trx
      .selectFrom('order_lines')
      .select(['product_id as productId', 'quantity'])
      .where('store_id', '=', storeId)
      .where('order_id', '=', orderId)
      .execute()
    const parts = fulfilments.map((row) => ({ complete: row.complete, lineItems: row.line_items }))
    for (const [index, row] of fulfilments.entries()) {
      await enqueueDispatch(trx, {
        ...target,
        kind: 'orderFulfilled',
        eventKey: eventKey('fulfillment', storeId, row.id),
        payload: {
          orderId,
          fulfilledAt: row.fulfilled_at.toISOString(),
          // Complete when this fulfilment, with those received before it, ships every line.
          complete: row.complete ?? isOrderFulfilled(lines, parts.slice(0, index + 1)),
        },
      })
    }
  }

  const refunds = await trx
    .selectFrom('refunds')
    .select(['id', 'refunded_at', 'amount', 'full'])
    .where('store_id', '=', storeId)
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('refunded_at')
    .orderBy('id')
    .execute()
  for (const [index, row] of refunds.entries()) {
    await enqueueDispatch(trx, {
      ...target,
      kind: 'orderRefunded',
      eventKey: eventKey('refund', storeId, row.id),
      payload: {
        orderId,
        refundedAt: row.refunded_at.toISOString(),
        full: row.full ?? isFullRefund(order.total, refunds.slice(0, index + 1).map((refund) => refund.amount)),
      },
    })
  }
}
