import { customersDataRequest } from './customers-data-request.ts'
import { customersRedact } from './customers-redact.ts'
import { fulfillmentsCreate } from './fulfillments-create.ts'
import { ordersCancelled } from './orders-cancelled.ts'
import { ordersCreate } from './orders-create.ts'
import { ordersFulfilled } from './orders-fulfilled.ts'
import { productsDelete } from './products-delete.ts'
import { productsUpdate } from './products-update.ts'
import { refundsCreate } from './refunds-create.ts'
import { shopRedact } from './shop-redact.ts'
import type { TopicHandler } from './topic.ts'

/** Every Shopify topic we take in (`X-Shopify-Topic`), and how. */
export const shopifyTopics: Readonly<Record<string, TopicHandler>> = {
  'orders/create': ordersCreate,
  'orders/paid': ordersCreate,
  'orders/fulfilled': ordersFulfilled,
  'orders/partially_fulfilled': ordersFulfilled,
  'orders/cancelled': ordersCancelled,
  'fulfillments/create': fulfillmentsCreate,
  'refunds/create': refundsCreate,
  'products/create': productsUpdate,
  'products/update': productsUpdate,
  'products/delete': productsDelete,
  'customers/redact': customersRedact,
  'customers/data_request': customersDataRequest,
  'shop/redact': shopRedact,
}
