import { journeyWorkflowId, orderTotal, type Order } from '@crosswise/domain'
import type { Transaction } from 'kysely'
import type { Database, Db } from '../database.ts'
import { enqueueDispatch } from '../dispatch/dispatch.repository.ts'

/** What recording an order did. */
export interface RecordedOrder {
  orderId: string
  customerId: string
  workflowId: string
  /** The order was already stored: nothing was written and no dispatch was added. */
  duplicate: boolean
}

/**
 * The customer an order belongs to. A normalised email names one person per store, so a guest
 * checkout joins the account with the same email, and a new guest gets an id derived from it.
 */
async function resolveCustomer(trx: Transaction<Database>, storeId: string, order: Order): Promise<string> {
  const { email } = order.customer
  const platformId = order.customer.id
  const known = await trx
    .selectFrom('customers')
    .select('id')
    .where('store_id', '=', storeId)
    .where((eb) => (platformId ? eb.or([eb('id', '=', platformId), eb('email', '=', email)]) : eb('email', '=', email)))
    .orderBy((eb) => eb.case().when('id', '=', platformId ?? '').then(0).else(1).end())
    .limit(1)
    .executeTakeFirst()
  if (known) return known.id
  const id = platformId ?? `email:${email}`
  await trx.insertInto('customers').values({ store_id: storeId, id, email }).onConflict((oc) => oc.doNothing()).execute()
  // A concurrent order of the same person may have won the insert under another id: take theirs.
  const stored = await trx
    .selectFrom('customers')
    .select('id')
    .where('store_id', '=', storeId)
    .where((eb) => eb.or([eb('id', '=', id), eb('email', '=', email)]))
    .orderBy((eb) => eb.case().when('id', '=', id).then(0).else(1).end())
    .limit(1)
    .executeTakeFirstOrThrow()
  return stored.id
}

/**
 * Stores an order with its lines and, in the same transaction, the dispatch that starts the
 * customer's journey. Idempotent on (store, order id): a repeat is reported, not stored twice.
 */
export async function recordOrder(db: Db, storeId: string, order: Order): Promise<RecordedOrder> {
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('stores').values({ id: storeId, name: storeId }).onConflict((oc) => oc.doNothing()).execute()
    const customerId = await resolveCustomer(trx, storeId, order)
    const workflowId = journeyWorkflowId(storeId, customerId)
    const inserted = await trx
      .insertInto('orders')
      .values({
        store_id: storeId,
        id: order.orderId,
        customer_id: customerId,
        placed_at: order.placedAt,
        currency: order.currency,
        total: orderTotal(order),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return { orderId: order.orderId, customerId, workflowId, duplicate: true }

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
    await enqueueDispatch(trx, {
      storeId,
      customerId,
      workflowId,
      kind: 'orderPlaced',
      eventKey: `order:${storeId}:${order.orderId}`,
      payload: {
        orderId: order.orderId,
        placedAt: order.placedAt.toISOString(),
        productIds: order.lineItems.map((line) => line.productId),
      },
    })
    return { orderId: order.orderId, customerId, workflowId, duplicate: false }
  })
}
