import { eventKey, journeyWorkflowId, orderTotal, type Cancellation, type Order } from '@crosswise/domain'
import { sql, type Transaction } from 'kysely'
import { resolveCustomer } from '../customer/customer.repository.ts'
import type { Database, Db } from '../database.ts'
import { enqueueDispatch } from '../dispatch/dispatch.repository.ts'
import { announceOrderFacts } from './order-announcements.ts'
import { lockOrder } from './order-lock.ts'
import type { OrderSource } from './order.table.ts'

/** What recording an order did. */
export interface RecordedOrder {
  orderId: string
  customerId: string
  workflowId: string
  /** The order was already stored: only its status was refreshed and no dispatch was added. */
  duplicate: boolean
}

/**
 * Stores an order with its lines inside the caller's transaction and, unless it arrived cancelled,
 * the dispatch that starts or restarts the customer's journey, followed by dispatches for any
 * fulfilment or refund that arrived before it. Idempotent on (store, order id): a repeat refreshes
 * the platform's status fields and adds nothing. The store must exist.
 */
export async function recordOrderIn(
  trx: Transaction<Database>,
  storeId: string,
  order: Order,
  source: Exclude<OrderSource, 'import'>,
): Promise<RecordedOrder> {
  await lockOrder(trx, storeId, order.orderId)
  const customerId = await resolveCustomer(trx, storeId, order.customer)
  const workflowId = journeyWorkflowId(storeId, customerId)
  const inserted = await trx
    .insertInto('orders')
    .values({
      store_id: storeId,
      id: order.orderId,
      customer_id: customerId,
      placed_at: order.placedAt,
      currency: order.currency,
      total: order.total ?? orderTotal(order),
      cancelled_at: order.cancelledAt ?? null,
      financial_status: order.financialStatus ?? null,
      fulfilment_status: order.fulfilmentStatus ?? null,
      source,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) {
    await refreshStatus(trx, storeId, order)
    return { orderId: order.orderId, customerId, workflowId, duplicate: true }
  }

  await trx
    .insertInto('order_lines')
    .values(
      order.lineItems.map((line, index) => ({
        store_id: storeId,
        order_id: order.orderId,
        line_no: index + 1,
        product_id: line.productId,
        variant_id: line.variantId ?? null,
        title: line.title,
        category: line.category ?? null,
        quantity: line.quantity,
        unit_price: line.unitPrice,
      })),
    )
    .execute()
  if (!order.cancelledAt) {
    await enqueueDispatch(trx, {
      storeId,
      customerId,
      workflowId,
      kind: 'orderPlaced',
      eventKey: eventKey('order', storeId, order.orderId),
      payload: {
        orderId: order.orderId,
        placedAt: order.placedAt.toISOString(),
        productIds: order.lineItems.map((line) => line.productId),
      },
    })
    await announceOrderFacts(trx, storeId, order.orderId)
  }
  return { orderId: order.orderId, customerId, workflowId, duplicate: false }
}

/** A later delivery of a known order (Shopify `orders/paid`, `orders/fulfilled`) updates its status. */
async function refreshStatus(trx: Transaction<Database>, storeId: string, order: Order): Promise<void> {
  if (order.financialStatus === undefined && order.fulfilmentStatus === undefined) return
  await trx
    .updateTable('orders')
    .set({
      ...(order.financialStatus === undefined ? {} : { financial_status: order.financialStatus }),
      ...(order.fulfilmentStatus === undefined ? {} : { fulfilment_status: order.fulfilmentStatus }),
      updated_at: sql<Date>`now()`,
    })
    .where('store_id', '=', storeId)
    .where('id', '=', order.orderId)
    .execute()
}

/** `recordOrderIn` in a transaction of its own, for callers with nothing else to record. */
export async function recordOrder(db: Db, storeId: string, order: Order, source: Exclude<OrderSource, 'import'> = 'api'): Promise<RecordedOrder> {
  return db.transaction().execute((trx) => recordOrderIn(trx, storeId, order, source))
}

/** What recording a cancellation did. */
export interface RecordedCancellation {
  /** The order is not stored (yet): nothing was recorded. */
  unknownOrder: boolean
  /** The order was already cancelled: nothing changed. */
  duplicate: boolean
}

/**
 * Marks an order cancelled and, when its journey was told about the order, enqueues `orderCancelled`
 * in the caller's transaction. Idempotent: the first cancellation wins.
 */
export async function cancelOrder(trx: Transaction<Database>, storeId: string, cancellation: Cancellation): Promise<RecordedCancellation> {
  await lockOrder(trx, storeId, cancellation.orderId)
  const order = await trx
    .selectFrom('orders')
    .select(['customer_id', 'cancelled_at'])
    .where('store_id', '=', storeId)
    .where('id', '=', cancellation.orderId)
    .executeTakeFirst()
  if (!order) return { unknownOrder: true, duplicate: false }
  if (order.cancelled_at !== null) return { unknownOrder: false, duplicate: true }
  await trx
    .updateTable('orders')
    .set({ cancelled_at: cancellation.cancelledAt, updated_at: sql<Date>`now()` })
    .where('store_id', '=', storeId)
    .where('id', '=', cancellation.orderId)
    .execute()
  const announced = await trx
    .selectFrom('dispatches')
    .select('id')
    .where('event_key', '=', eventKey('order', storeId, cancellation.orderId))
    .executeTakeFirst()
  if (announced) {
    await enqueueDispatch(trx, {
      storeId,
      customerId: order.customer_id,
      workflowId: journeyWorkflowId(storeId, order.customer_id),
      kind: 'orderCancelled',
      eventKey: eventKey('cancellation', storeId, cancellation.orderId),
      payload: { orderId: cancellation.orderId, cancelledAt: cancellation.cancelledAt.toISOString() },
    })
  }
  return { unknownOrder: false, duplicate: false }
}
