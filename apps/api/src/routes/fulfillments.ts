import { fulfillmentSchema } from '@crosswise/domain'
import { recordFulfillment, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema } from '../errors.ts'
import { storeParams, storeSecurity } from './store-scope.ts'

const acceptedSchema = z.object({
  fulfillmentId: z.string(),
  duplicate: z.boolean().describe('The fulfilment was already recorded; nothing changed'),
  waitingForOrder: z.boolean().describe('The order is not known yet; its journey hears of this fulfilment right after the order'),
})

/** `POST /v1/stores/{storeId}/fulfillments`: a shipment of all or part of an order. */
export function fulfillmentRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/stores/:storeId/fulfillments',
      {
        schema: {
          summary: 'Record a fulfilment',
          description:
            'Signals the order’s journey that it shipped. Without `lineItems` the whole order shipped; with them, the order counts as complete once every line is. Idempotent on the fulfilment id; may arrive before its order.',
          tags: ['orders'],
          security: storeSecurity,
          params: storeParams,
          body: fulfillmentSchema,
          response: { 202: acceptedSchema, 400: problemSchema, 401: problemSchema, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        const recorded = await recordFulfillment(db, storeId, request.body)
        return reply.code(202).send({ fulfillmentId: request.body.fulfillmentId, ...recorded })
      },
    )
  }
}
