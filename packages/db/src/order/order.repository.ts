import { eventKey, journeyWorkflowId, orderTotal, type Cancellation, type JourneyEvent, type Order } from '@crosswise/domain'
import { sql, type Transaction } from 'kysely'
import { resolveCustomer } from '../customer/customer.repository.ts'
import type { Database, Db } from '../database.ts'
import { enqueueDispatch } from '../dispatch/dispatch.repository.ts'
import { announceFactsOf } from './order-announcements.ts'
import { lockOrder, orderLock } from './order-lock.ts'
import type { OrderSource } from './order.table.ts'

/** What recording an order did: stored (or refreshed), or refused as the order of an erased person. */
export type OrderRecording = RecordedOrder | ErasedCustomerOrder

/** The order was placed by someone the store had erased since: a late redelivery, not stored. */
export interface ErasedCustomerOrder {
  orderId: string
  erased: true
}

/** An order stored, or refreshed when it was known. */
export interface RecordedOrder {
  erased: false
  orderId: string
  customerId: string
  workflowId: string
  /** The order was already stored: only its status was refreshed and no dispatch was added. */
  duplicate: boolean
  /** The stored status was set by a later delivery than this one, so it was left as it was. */
  staleStatus: boolean
}

/**
 * Stores an order with its lines inside the caller's transaction and, unless it arrived cancelled,
 * the dispatch that starts or restarts the customer's journey, followed by dispatches for any
 * fulfilment or refund that arrived before it. Idempotent on (store, order id): a repeat refreshes
 * the platform's status fields and adds nothing. `statusAt` is when the platform set the status
 * (Shopify's X-Shopify-Triggered-At): a delivery older than the stored status does not refresh it,
 * so a late retry cannot roll `fulfilled` back to `partial`. The store must exist.
 */
export async function recordOrderIn(
  trx: Transaction<Database>,
  storeId: string,
  order: Order,
  source: Exclude<OrderSource, 'import'>,
  statusAt?: Date,
): Promise<OrderRecording> {
  // The order's lock is taken in the customer lookup's statement: one round trip less per order.
  const customerId = await resolveCustomer(trx, storeId, order.customer, order.placedAt, orderLock(storeId, order.orderId))
  if (customerId === undefined) return { orderId: order.orderId, erased: true }
  const workflowId = journeyWorkflowId(storeId, customerId)
  const total = order.total ?? orderTotal(order)
  const announce = !order.cancelledAt
  const lines = order.lineItems
  const placed: JourneyEvent = {
    signal: 'orderPlaced',
    payload: { orderId: order.orderId, placedAt: order.placedAt.toISOString(), productIds: lines.map((line) => line.productId) },
  }
  // One statement stores the order, its lines and its orderPlaced dispatch; when the order is
  // already stored, the CTEs that read `o` insert nothing. (A webhook's round trips are its cost.)
  const { rows } = await sql<{ inserted: number; waiting: boolean }>`
    with o as (
      insert into orders (store_id, id, customer_id, placed_at, currency, total, cancelled_at, financial_status, fulfillment_status, source, status_at)
      values (${storeId}, ${order.orderId}, ${customerId}, ${order.placedAt}, ${order.currency}, ${total}, ${order.cancelledAt ?? null},
              ${order.financialStatus ?? null}, ${order.fulfillmentStatus ?? null}, ${source}, ${statusAt ?? null})
      on conflict do nothing
      returning id
    ), l as (
      insert into order_lines (store_id, order_id, line_no, product_id, variant_id, title, category, quantity, unit_price)
      select ${storeId}, o.id, x.line_no, x.product_id, x.variant_id, x.title, x.category, x.quantity, x.unit_price
      from o cross join unnest(${lines.map((_, index) => index + 1)}::int[], ${lines.map((line) => line.productId)}::text[],
                               ${lines.map((line) => line.variantId ?? null)}::text[], ${lines.map((line) => line.title)}::text[],
                               ${lines.map((line) => line.category ?? null)}::text[], ${lines.map((line) => line.quantity)}::int[],
                               ${lines.map((line) => line.unitPrice)}::numeric[])
           as x(line_no, product_id, variant_id, title, category, quantity, unit_price)
    ), d as (
      insert into dispatches (store_id, customer_id, workflow_id, kind, event_key, payload)
      select ${storeId}, ${customerId}, ${workflowId}, ${placed.signal}, ${eventKey('order', storeId, order.orderId)},
             ${JSON.stringify(placed.payload)}::jsonb
      from o where ${announce}
      on conflict (event_key) do nothing
    )
    select (select count(*)::int from o) as inserted,
           exists (select 1 from fulfillments where store_id = ${storeId} and order_id = ${order.orderId})
             or exists (select 1 from refunds where store_id = ${storeId} and order_id = ${order.orderId}) as waiting`.execute(trx)
  if (rows[0]?.inserted !== 1) {
    const staleStatus = !(await refreshStatus(trx, storeId, order, statusAt))
    return { erased: false, orderId: order.orderId, customerId, workflowId, duplicate: true, staleStatus }
  }
  // Facts that arrived before the order (the statement above saw them: the order lock was held).
  if (announce && rows[0].waiting) await announceFactsOf(trx, storeId, order.orderId, { customerId, total })
  return { erased: false, orderId: order.orderId, customerId, workflowId, duplicate: false, staleStatus: false }
}

/**
 * A later delivery of a known order (Shopify `orders/paid`, `orders/fulfilled`) updates its status,
 * unless the stored status is newer. Returns false when it was.
 */
async function refreshStatus(trx: Transaction<Database>, storeId: string, order: Order, statusAt: Date | undefined): Promise<boolean> {
  if (order.financialStatus === undefined && order.fulfillmentStatus === undefined) return true
  const updated = await trx
    .updateTable('orders')
    .set({
      ...(order.financialStatus === undefined ? {} : { financial_status: order.financialStatus }),
      ...(order.fulfillmentStatus === undefined ? {} : { fulfillment_status: order.fulfillmentStatus }),
      ...(statusAt === undefined ? {} : { status_at: statusAt }),
      updated_at: sql<Date>`now()`,
    })
    .where('store_id', '=', storeId)
    .where('id', '=', order.orderId)
    .$if(statusAt !== undefined, (query) => query.where((eb) => eb.or([eb('status_at', 'is', null), eb('status_at', '<=', statusAt!)])))
    .executeTakeFirst()
  return updated.numUpdatedRows > 0n
}

/** `recordOrderIn` in a transaction of its own, for callers with nothing else to record. */
export async function recordOrder(
  db: Db,
  storeId: string,
  order: Order,
  source: Exclude<OrderSource, 'import'> = 'api',
): Promise<OrderRecording> {
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
      signal: 'orderCancelled',
      eventKey: eventKey('cancellation', storeId, cancellation.orderId),
      payload: { orderId: cancellation.orderId, cancelledAt: cancellation.cancelledAt.toISOString() },
    })
  }
  return { unknownOrder: false, duplicate: false }
}
