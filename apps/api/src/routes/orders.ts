import { orderSchema } from '@crosswise/domain'
import { recordOrder, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema } from '../errors.ts'
import { storeParams, storeSecurity } from './store-scope.ts'

const acceptedSchema = z.object({
  orderId: z.string(),
  customerId: z.string(),
  journeyId: z.string().describe('Temporal workflow id of the customer’s journey'),
  duplicate: z.boolean().describe('The order was already recorded; only its status fields were refreshed'),
})

/**
 * `POST /v1/stores/{storeId}/orders`: records an order and its journey dispatch in one transaction
 * and answers 202 at once; the dispatcher starts the journey afterwards. An order sent with
 * `cancelledAt` is stored but starts no journey; an order its customer was erased after is refused (409).
 */
export function orderRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/stores/:storeId/orders',
      {
        schema: {
          summary: 'Record an order',
          description: 'Stores the order and schedules the start of the customer’s cross-sell journey. Idempotent on the order id.',
          tags: ['orders'],
          security: storeSecurity,
          params: storeParams,
          body: orderSchema,
          response: {
            202: acceptedSchema,
            400: problemSchema,
            401: problemSchema,
            409: problemSchema,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const recorded = await recordOrder(db, request.params.storeId, request.body, 'api')
        if (recorded.erased) {
          return reply.code(409).send({
            error: 'customer_erased',
            message: `Order '${recorded.orderId}' was placed by a customer the store had erased since; it is not stored again.`,
          })
        }
        // Ids only: a customer id is personal data, and logs outlive an erasure.
        request.log.info({ orderId: recorded.orderId, duplicate: recorded.duplicate }, 'order recorded')
        return reply.code(202).send({
          orderId: recorded.orderId,
          customerId: recorded.customerId,
          journeyId: recorded.workflowId,
          duplicate: recorded.duplicate,
        })
      },
    )
  }
}
