import { orderSchema } from '@crosswise/domain'
import { recordOrder, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema } from '../errors.ts'

const storeParams = z.object({
  storeId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a store slug: lower-case letters, digits and dashes'),
})

const acceptedSchema = z.object({
  orderId: z.string(),
  customerId: z.string(),
  journeyId: z.string().describe('Temporal workflow id of the customer’s journey'),
  duplicate: z.boolean().describe('The order was already recorded; nothing changed'),
})

/**
 * `POST /v1/stores/{storeId}/orders`: records an order and its journey dispatch in one transaction
 * and answers 202 at once; the dispatcher starts the journey afterwards.
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
          params: storeParams,
          body: orderSchema,
          response: { 202: acceptedSchema, 400: problemSchema, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const recorded = await recordOrder(db, request.params.storeId, request.body)
        request.log.info({ orderId: recorded.orderId, journeyId: recorded.workflowId, duplicate: recorded.duplicate }, 'order recorded')
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
