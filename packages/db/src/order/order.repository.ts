import { eventKey, journeyWorkflowId, orderTotal, type Cancellation, type Order } from '@crosswise/domain'
import { sql, type RawBuilder, type Transaction } from 'kysely'
import { guestCustomerId, guestIdKey, guestIdPrefix } from '../customer/guest-customer-id.ts'
import { placeholderEmailSuffix } from '../customer/placeholder-email.ts'
import { subjectDigests } from '../customer/redacted-subject.ts'
import type { Database, Db } from '../database.ts'
import { enqueueDispatch } from '../dispatch/dispatch.repository.ts'
import { takeInDeliveryWithCall, type WebhookDelivery } from '../webhook-delivery/webhook-delivery.repository.ts'
import { orderFactKeys } from './order-fact-keys.ts'
import { lockOrder, orderLockKey } from './order-lock.ts'
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

/** What `record_order` answers: stored, known (status refreshed), known with a newer status, or refused. */
export type OrderOutcome = 'recorded' | 'known' | 'stale' | 'erased'

/**
 * The call that records an order (migration 0022's `record_order`), as a FROM item: the customer
 * found or created (a normalised email names one person per store, so a guest checkout joins the
 * account with the same email, and a new guest gets an id derived from it; a guest who later orders
 * with an account gets that account linked; known details are refreshed from the newest order that
 * carries them), the order with its lines and, unless it arrived cancelled, the dispatch that starts
 * or restarts the customer's journey, followed by dispatches for any fulfilment or refund that
 * arrived before it. Idempotent on (store, order id): a repeat refreshes the platform's status fields
 * and adds nothing. `statusAt` is when the platform set the status (Shopify's
 * X-Shopify-Triggered-At): a delivery older than the stored status does not refresh it, so a late
 * retry cannot roll `fulfilled` back to `partial`. An order of a person the store erased after it was
 * placed is not stored. The store must exist.
 */
async function recordOrderCall(
  db: Db,
  storeId: string,
  order: Order,
  source: Exclude<OrderSource, 'import'>,
  statusAt: Date | undefined,
): Promise<RawBuilder<{ code: OrderOutcome; customer: string | null }>> {
  const { customer } = order
  const key = await guestIdKey(db, storeId)
  const lines = order.lineItems.map((line, index) => ({
    line_no: index + 1,
    product_id: line.productId,
    variant_id: line.variantId ?? null,
    title: line.title,
    category: line.category ?? null,
    quantity: line.quantity,
    unit_price: line.unitPrice,
  }))
  // Fields left undefined are absent from the JSON: the function tells "not said" from a value.
  const stored = {
    orderId: order.orderId,
    placedAt: order.placedAt.toISOString(),
    currency: order.currency,
    total: order.total ?? orderTotal(order),
    cancelledAt: order.cancelledAt?.toISOString(),
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    lines,
  }
  const person = {
    platformId: customer.id,
    email: customer.email,
    newId: customer.id ?? guestCustomerId(storeId, customer.email, key),
    subjects: subjectDigests(storeId, { ids: customer.id ? [customer.id] : [], email: customer.email }, key),
    details: {
      first_name: customer.firstName,
      last_name: customer.lastName,
      time_zone: customer.timeZone,
      accepts_marketing: customer.acceptsMarketing,
    },
  }
  const placed = { orderId: order.orderId, placedAt: stored.placedAt, productIds: order.lineItems.map((line) => line.productId) }
  return sql`record_order(${storeId}, ${orderLockKey(storeId, order.orderId)}, ${JSON.stringify(stored)}::jsonb,
    ${JSON.stringify(person)}::jsonb, ${source}, ${statusAt ?? null}::timestamptz, ${JSON.stringify(placed)}::jsonb,
    ${orderFactKeys(storeId, order.orderId)}, ${guestIdPrefix}, ${placeholderEmailSuffix})`
}

/**
 * Records an order (see {@link recordOrderCall}) in one statement: on the pool, where it is its own
 * transaction, or in the caller's transaction with whatever else the caller records.
 */
export async function recordOrder(
  db: Db,
  storeId: string,
  order: Order,
  source: Exclude<OrderSource, 'import'> = 'api',
  statusAt?: Date,
): Promise<OrderRecording> {
  const call = await recordOrderCall(db, storeId, order, source, statusAt)
  const { rows } = await sql<{ code: OrderOutcome; customer: string | null }>`select code, customer from ${call}`.execute(db)
  const { code, customer } = rows[0]!
  if (code === 'erased' || customer === null) return { orderId: order.orderId, erased: true }
  return {
    erased: false,
    orderId: order.orderId,
    customerId: customer,
    workflowId: journeyWorkflowId(storeId, customer),
    duplicate: code !== 'recorded',
    staleStatus: code === 'stale',
  }
}

/**
 * A webhook delivery that records an order, taken in with one statement: the order's recording and
 * the delivery's, whose outcome `outcomes` names. Undefined for a duplicate delivery (nothing stays).
 */
export async function takeInOrderDelivery(
  db: Db,
  delivery: WebhookDelivery,
  order: Order,
  outcomes: Readonly<Record<OrderOutcome, string>>,
): Promise<string | undefined> {
  const call = await recordOrderCall(db, delivery.storeId, order, 'shopify', delivery.triggeredAt)
  return takeInDeliveryWithCall(db, delivery, call, outcomes)
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
