import { segmentPriceBandsSchema, storeIdSchema } from '@crosswise/domain'
import { getStore, recommendationRulesFor, setRecommendationRules, type Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema, storeNotFound } from '../errors.ts'
import { adminSecurity } from '../auth/admin-auth.ts'

const categorySchema = z.string().trim().min(1).max(200)
const rulesSchema = z.object({
  incompatibleCategories: z
    .array(z.tuple([categorySchema, categorySchema]))
    .max(1_000)
    .default([])
    .describe('Category pairs that never go together, in either direction: [["Pet food", "Baby"]]'),
  minSupport: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000)
    .default(0)
    .describe('A mined pairing needs at least this many orders holding both products'),
  minLift: z.number().min(0).max(1_000_000).default(0).describe('A mined pairing needs at least this lift; lift filters, it never ranks'),
  priceBands: segmentPriceBandsSchema
    .default({})
    .describe(
      'Inclusive prices per segment for mined and best-selling picks, decimal strings in major units: {"first-time": {"max": "30"}, "vip": {"min": "50"}}',
    ),
})
const bandViewSchema = z.object({ min: z.string().optional(), max: z.string().optional() })
const rulesViewSchema = z.object({
  incompatibleCategories: z.array(z.tuple([z.string(), z.string()])),
  minSupport: z.number().int(),
  minLift: z.number(),
  priceBands: z.object({ 'first-time': bandViewSchema.optional(), repeat: bandViewSchema.optional(), vip: bandViewSchema.optional() }),
})
const params = z.object({ storeId: storeIdSchema })
const tags = ['recommendations']

/**
 * The admin API for a store's rules on mined pairings (`CROSSWISE_ADMIN_TOKEN`); the price bands
 * apply to best sellers too. Journeys read them at each pick, so a change applies from the next email
 * on; manual pairings are the store's own choice and are not filtered by them.
 */
export function adminRecommendationRuleRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/stores/:storeId/recommendation-rules',
      {
        schema: {
          summary: 'Read a store’s rules for mined pairings',
          description: 'A store that never set any has none: nothing incompatible, no minimums, no price bands.',
          tags,
          security: adminSecurity,
          params,
          response: { 200: rulesViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        if (!(await getStore(db, request.params.storeId))) return reply.code(404).send(storeNotFound(request.params.storeId))
        return reply.send(await recommendationRulesFor(db, request.params.storeId))
      },
    )

    app.put(
      '/v1/admin/stores/:storeId/recommendation-rules',
      {
        schema: {
          summary: 'Set a store’s rules for mined pairings',
          description: 'Replaces the whole set; omitted fields take their defaults (off).',
          tags,
          security: adminSecurity,
          params,
          body: rulesSchema,
          response: { 200: rulesViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        await setRecommendationRules(db, storeId, request.body)
        return reply.send(await recommendationRulesFor(db, storeId))
      },
    )
  }
}
