import { decimalToUnits, moneySchema, unitsToDecimal } from '@crosswise/domain'
import { recordRefundCall, takeInDeliveryWithCall } from '@crosswise/db'
import { z } from 'zod'
import { shopifyIdSchema, shopifyTimeSchema } from './shopify-fields.ts'
import { singleStatementHandler } from './topic.ts'

/** The fields of a Shopify refund that we keep. */
export const shopifyRefundSchema = z.object({
  id: shopifyIdSchema,
  order_id: shopifyIdSchema,
  created_at: shopifyTimeSchema,
  processed_at: shopifyTimeSchema.nullish(),
  transactions: z
    .array(z.object({ kind: z.string(), status: z.string().nullish(), amount: moneySchema }))
    .max(1000)
    .default([]),
  refund_line_items: z
    .array(z.object({ quantity: z.number().int().nonnegative().max(100_000), subtotal: moneySchema.nullish() }))
    .max(1000)
    .default([]),
})

const sum = (amounts: readonly string[]) => unitsToDecimal(amounts.reduce((total, amount) => total + decimalToUnits(amount), 0n))

/**
 * `refunds/create`: money given back. The amount is what the successful refund transactions moved
 * (the line subtotals when there is none); whether the order is now wholly refunded is decided
 * against the order's total once the order is known. One statement with the delivery.
 */
export const refundsCreate = singleStatementHandler(shopifyRefundSchema, async (db, delivery, payload) => {
  const moved = payload.transactions.filter(
    (transaction) => transaction.kind === 'refund' && (transaction.status ?? 'success') === 'success',
  )
  const amount =
    moved.length > 0
      ? sum(moved.map((transaction) => transaction.amount))
      : sum(payload.refund_line_items.map((line) => line.subtotal ?? '0'))
  const refund = { refundId: payload.id, orderId: payload.order_id, refundedAt: payload.processed_at ?? payload.created_at, amount }
  return takeInDeliveryWithCall(db, delivery, recordRefundCall(delivery.storeId, refund), {
    recorded: 'refund-recorded',
    waiting: 'refund-waiting-for-order',
    known: 'refund-known',
  })
})
