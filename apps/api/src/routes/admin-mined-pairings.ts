import { minedPairingSchema, platformIdSchema, storeIdSchema } from '@crosswise/domain'
import { getStore, reviewMinedPairings, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema, storeNotFound } from '../errors.ts'
import { adminSecurity } from '../auth/admin-auth.ts'

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  triggerProductId: platformIdSchema.optional().describe('Only this product’s partners'),
})
const modelSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  orderCount: z.number().int().describe('Orders the version was mined from'),
  productCount: z.number().int(),
  pairingCount: z.number().int(),
  params: z.record(z.string(), z.unknown()).describe('The mining options used'),
})
const reviewSchema = z.object({
  model: modelSchema.nullable().describe('The current version; null when the store was never mined'),
  pairings: z.array(minedPairingSchema.omit({ score: true })),
  nextOffset: z.number().int().nullable().describe('Offset of the next page; null on the last one'),
})
const params = z.object({ storeId: storeIdSchema })

/**
 * `GET /v1/admin/stores/{storeId}/mined-pairings` (`CROSSWISE_ADMIN_TOKEN`): the store's current mined
 * pairings for the monthly pairing review, most orders behind them first, page by page. Read-only:
 * what a review finds is acted on through the rules or manual pairings.
 */
export function adminMinedPairingRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/stores/:storeId/mined-pairings',
      {
        schema: {
          summary: 'Review a store’s current mined pairings',
          tags: ['recommendations'],
          security: adminSecurity,
          params,
          querystring: querySchema,
          response: { 200: reviewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const { limit, offset, triggerProductId } = request.query
        const { model, pairings } = await reviewMinedPairings(db, storeId, {
          limit,
          offset,
          ...(triggerProductId === undefined ? {} : { triggerProductId }),
        })
        return reply.send({
          model: model
            ? {
                id: model.id,
                createdAt: model.createdAt.toISOString(),
                orderCount: model.orderCount,
                productCount: model.productCount,
                pairingCount: model.pairingCount,
                params: model.params,
              }
            : null,
          pairings,
          nextOffset: pairings.length === limit ? offset + limit : null,
        })
      },
    )
  }
}
