import { refundSchema } from '@crosswise/domain'
import { recordRefund, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema } from '../errors.ts'
import { storeParams, storeSecurity } from './store-scope.ts'

const acceptedSchema = z.object({
  refundId: z.string(),
  duplicate: z.boolean().describe('The refund was already recorded; nothing changed'),
  waitingForOrder: z.boolean().describe('The order is not known yet; its journey hears of this refund right after the order'),
})

/** `POST /v1/stores/{storeId}/refunds`: money given back on an order. */
export function refundRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/stores/:storeId/refunds',
      {
        schema: {
          summary: 'Record a refund',
          description:
            'Signals the order’s journey. Without `full`, the order counts as wholly refunded once its refunds add up to its total. Idempotent on the refund id; may arrive before its order.',
          tags: ['orders'],
          security: storeSecurity,
          params: storeParams,
          body: refundSchema,
          response: { 202: acceptedSchema, 400: problemSchema, 401: problemSchema, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        const recorded = await recordRefund(db, storeId, request.body)
        return reply.code(202).send({ refundId: request.body.refundId, ...recorded })
      },
    )
  }
}
