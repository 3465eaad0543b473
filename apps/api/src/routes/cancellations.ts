import { cancellationSchema } from '@crosswise/domain'
import { cancelOrder, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema, type Problem } from '../errors.ts'
import { storeParams, storeSecurity } from './store-scope.ts'

const acceptedSchema = z.object({
  orderId: z.string(),
  duplicate: z.boolean().describe('The order was already cancelled; nothing changed'),
})

/**
 * `POST /v1/stores/{storeId}/cancellations`: an order called off; its journey ends. Unlike
 * fulfilments, a cancellation of an unknown order is refused (404): send the order first, with
 * `cancelledAt` if it arrives already cancelled.
 */
export function cancellationRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/stores/:storeId/cancellations',
      {
        schema: {
          summary: 'Cancel an order',
          description: 'Marks the order cancelled and ends its journey. Idempotent; the first cancellation wins.',
          tags: ['orders'],
          security: storeSecurity,
          params: storeParams,
          body: cancellationSchema,
          response: {
            202: acceptedSchema,
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        const recorded = await db.transaction().execute((trx) => cancelOrder(trx, storeId, request.body))
        if (recorded.unknownOrder) {
          return reply.code(404).send({
            error: 'order_not_found',
            message: `Order ${request.body.orderId} is not recorded; send the order first.`,
          } satisfies Problem)
        }
        return reply.code(202).send({ orderId: request.body.orderId, duplicate: recorded.duplicate })
      },
    )
  }
}
