import { platformIdSchema, storeIdSchema } from '@crosswise/domain'
import {
  getStore,
  listManualPairings,
  removeManualPairing,
  replaceManualPairings,
  saveManualPairings,
  type Db,
  type ManualPairing,
} from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema, storeNotFound } from '../errors.ts'
import { adminSecurity } from '../auth/admin-auth.ts'

const prioritySchema = z
  .number()
  .int()
  .min(-1_000_000)
  .max(1_000_000)
  .default(0)
  .describe('Higher first among one trigger product’s pairings')
const pairingSchema = z
  .object({
    triggerProductId: platformIdSchema.describe('Product of the order that starts the journey'),
    recommendedProductId: platformIdSchema.describe('Product the email recommends after it'),
    priority: prioritySchema,
  })
  .refine((pairing) => pairing.triggerProductId !== pairing.recommendedProductId, {
    path: ['recommendedProductId'],
    message: 'must differ from triggerProductId',
  })
const pairingListSchema = z.object({
  pairings: z
    .array(pairingSchema)
    .max(10_000)
    .superRefine((pairings, ctx) => {
      // A pair listed twice would make its priority depend on list order.
      const seen = new Map<string, number>()
      pairings.forEach((pairing, index) => {
        const key = JSON.stringify([pairing.triggerProductId, pairing.recommendedProductId])
        const first = seen.get(key)
        if (first === undefined) seen.set(key, index)
        else ctx.addIssue({ code: 'custom', path: [index, 'recommendedProductId'], message: `repeats the pairing at index ${first}` })
      })
    }),
})
const pairingViewSchema = z.object({ triggerProductId: z.string(), recommendedProductId: z.string(), priority: z.number().int() })
const pairingListViewSchema = z.object({ pairings: z.array(pairingViewSchema) })
const storeParams = z.object({ storeId: storeIdSchema })
const pairingParams = z
  .object({ storeId: storeIdSchema, triggerProductId: platformIdSchema, recommendedProductId: platformIdSchema })
  .refine((params) => params.triggerProductId !== params.recommendedProductId, {
    path: ['recommendedProductId'],
    message: 'must differ from triggerProductId',
  })
const tags = ['recommendations']

/**
 * The admin API for a store's manual pairings (`CROSSWISE_ADMIN_TOKEN`): "after X, recommend Y",
 * served before anything mined. Admin rather than the store token, like the journey policy: the store
 * token feeds orders and the catalogue in, while what journeys recommend is set by whoever runs the
 * store's journeys (often its agency). A pairing whose product is not (yet) in the catalogue, or is
 * unavailable, is kept and simply skipped when journeys choose.
 */
export function adminPairingRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    const list = async (storeId: string) => ({ pairings: await listManualPairings(db, storeId) })

    app.get(
      '/v1/admin/stores/:storeId/pairings',
      {
        schema: {
          summary: 'List a store’s manual pairings',
          tags,
          security: adminSecurity,
          params: storeParams,
          response: { 200: pairingListViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        if (!(await getStore(db, request.params.storeId))) return reply.code(404).send(storeNotFound(request.params.storeId))
        return reply.send(await list(request.params.storeId))
      },
    )

    app.put(
      '/v1/admin/stores/:storeId/pairings',
      {
        schema: {
          summary: 'Replace all of a store’s manual pairings',
          description:
            'The whole list at once, in one transaction: journeys see the old list or the new one, never a mix. An empty list removes them all.',
          tags,
          security: adminSecurity,
          params: storeParams,
          body: pairingListSchema,
          response: { 200: pairingListViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema, 413: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        await replaceManualPairings(db, storeId, request.body.pairings)
        return reply.send(await list(storeId))
      },
    )

    app.put(
      '/v1/admin/stores/:storeId/pairings/:triggerProductId/:recommendedProductId',
      {
        schema: {
          summary: 'Set one manual pairing',
          description: 'Creates the pairing or changes its priority.',
          tags,
          security: adminSecurity,
          params: pairingParams,
          body: z.object({ priority: prioritySchema }),
          response: { 200: pairingViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId, triggerProductId, recommendedProductId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const pairing: ManualPairing = { triggerProductId, recommendedProductId, priority: request.body.priority }
        await saveManualPairings(db, storeId, [pairing])
        return reply.send(pairing)
      },
    )

    app.delete(
      '/v1/admin/stores/:storeId/pairings/:triggerProductId/:recommendedProductId',
      {
        schema: {
          summary: 'Remove one manual pairing',
          tags,
          security: adminSecurity,
          params: pairingParams,
          response: { 204: z.null().describe('Removed'), 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId, triggerProductId, recommendedProductId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        if (await removeManualPairing(db, storeId, triggerProductId, recommendedProductId)) return reply.code(204).send(null)
        return reply
          .code(404)
          .send({ error: 'pairing_not_found', message: `Store '${storeId}' has no pairing ${triggerProductId} → ${recommendedProductId}.` })
      },
    )
  }
}
