import { productSchema } from '@crosswise/domain'
import { upsertProduct, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema } from '../errors.ts'
import { storeParams, storeSecurity } from './store-scope.ts'

const savedSchema = z.object({
  productId: z.string(),
  written: z.boolean().describe('False when a newer version (later `updatedAt`) was already stored'),
})

/** `POST /v1/stores/{storeId}/products`: inserts or updates a catalogue product, newest `updatedAt` wins. */
export function productRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/stores/:storeId/products',
      {
        schema: {
          summary: 'Save a product',
          description: 'The catalogue journeys recommend from: a product that is not `available` is never recommended.',
          tags: ['catalogue'],
          security: storeSecurity,
          params: storeParams,
          body: productSchema,
          response: { 200: savedSchema, 400: problemSchema, 401: problemSchema, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const { written } = await upsertProduct(db, request.params.storeId, request.body)
        return reply.code(200).send({ productId: request.body.productId, written })
      },
    )
  }
}
