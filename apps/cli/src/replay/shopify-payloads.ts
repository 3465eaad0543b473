import { unitsToDecimal, decimalToUnits } from '@crosswise/domain'
import type { RecordedOrder } from './recorded-orders.ts'
import { replayEmail, shopifyFulfillmentId, shopifyLineId } from './shopify-ids.ts'

// Bodies are written as text, not JSON.stringify of objects: Shopify's ids are bare JSON numbers
// above 2^53, which a JavaScript number cannot hold.

const money = (major: number) => major.toFixed(2)
const text = (value: string) => JSON.stringify(value)

/** An `orders/create` body for a recorded order, created at `createdAt`, its customer subscribed to email. */
export function orderCreatedBody(order: RecordedOrder, shopifyOrder: string, createdAt: Date, currency: string): string {
  const email = replayEmail(order.customerId)
  const total = order.lines.reduce((sum, line) => sum + decimalToUnits(money(line.unitPrice)) * BigInt(line.quantity), 0n)
  const lines = order.lines.map(
    (line, index) =>
      `{"id":${shopifyLineId(shopifyOrder, index + 1)},"product_id":${text(line.productId)},"variant_id":null,"title":${text(line.title)},` +
      `"quantity":${line.quantity},"price":"${money(line.unitPrice)}","sku":${text(line.productId)}}`,
  )
  return (
    `{"id":${shopifyOrder},"name":${text(`#${order.orderId}`)},"email":${text(email)},"created_at":"${createdAt.toISOString()}",` +
    `"currency":"${currency}","total_price":"${unitsToDecimal(total)}","financial_status":"paid","fulfillment_status":null,` +
    `"cancelled_at":null,"cancel_reason":null,` +
    `"customer":{"id":${text(order.customerId)},"email":${text(email)},"first_name":null,"last_name":null,"email_marketing_consent":{"state":"subscribed"}},` +
    `"line_items":[${lines.join(',')}],"fulfillments":[],"refunds":[]}`
  )
}

/** A `fulfillments/create` body shipping every line of a recorded order at `createdAt`. */
export function fulfillmentCreatedBody(order: RecordedOrder, shopifyOrder: string, createdAt: Date): string {
  const lines = order.lines.map(
    (line, index) => `{"id":${shopifyLineId(shopifyOrder, index + 1)},"product_id":${text(line.productId)},"quantity":${line.quantity}}`,
  )
  return (
    `{"id":${shopifyFulfillmentId(shopifyOrder)},"order_id":${shopifyOrder},"status":"success","created_at":"${createdAt.toISOString()}",` +
    `"tracking_company":"Royal Mail","line_items":[${lines.join(',')}]}`
  )
}
