import { segmentSchema, storeIdSchema } from '@crosswise/domain'
import { journeyStageSchema } from '@crosswise/journeys'
import type { Client } from '@temporalio/client'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminSecurity } from '../../auth/admin-auth.ts'
import { problemSchema, type Problem } from '../../errors.ts'

/** Where the dashboard links a count to: the Temporal UI's address and namespace. */
export interface TemporalUiLink {
  url: string
  namespace: string
}

const countSchema = z.object({
  count: z.number().int(),
  query: z.string().describe('The visibility query that counts them: paste it into the Temporal UI'),
})
const journeyCountsSchema = z.object({
  temporalUi: z.object({ url: z.string(), namespace: z.string() }).nullable(),
  stages: z.array(
    countSchema.extend({
      stage: journeyStageSchema,
      bySegment: z.array(countSchema.extend({ segment: segmentSchema })),
    }),
  ),
})
/** What `GET /v1/admin/stores/{storeId}/journeys` answers. */
export type JourneyCountsView = z.infer<typeof journeyCountsSchema>

/**
 * `GET /v1/admin/stores/{storeId}/journeys`: how many of the store's journeys are at each stage now
 * (running ones; `ended` counts closed ones too), split by segment, each with the search-attribute
 * query that lists them in the Temporal UI. Counted by Temporal's visibility store.
 */
export function journeyCountRoutes(temporal: Client | undefined, temporalUi: TemporalUiLink | undefined): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/stores/:storeId/journeys',
      {
        schema: {
          summary: 'How many journeys are at each stage and segment',
          tags: ['journeys'],
          security: adminSecurity,
          params: z.object({ storeId: storeIdSchema }),
          response: { 200: journeyCountsSchema, 401: problemSchema, 503: problemSchema },
        },
      },
      async (request, reply) => {
        if (!temporal) {
          return reply
            .code(503)
            .send({ error: 'temporal_unavailable', message: 'This API has no Temporal connection (TEMPORAL_ADDRESS).' } satisfies Problem)
        }
        // Store ids are lower-case letters, digits and dashes: nothing to escape in the query.
        const base = `WorkflowType = 'crossSellJourney' AND StoreId = '${request.params.storeId}'`
        const counted = async (query: string) => ({ count: (await temporal.workflow.count(query)).count, query })
        const stages = await Promise.all(
          journeyStageSchema.options.map(async (stage) => {
            const running = stage === 'ended' ? '' : ` AND ExecutionStatus = 'Running'`
            const query = `${base} AND JourneyStage = '${stage}'${running}`
            const [total, bySegment] = await Promise.all([
              counted(query),
              Promise.all(
                segmentSchema.options.map(async (segment) => ({
                  segment,
                  ...(await counted(`${query} AND CustomerSegment = '${segment}'`)),
                })),
              ),
            ])
            return { stage, ...total, bySegment }
          }),
        )
        return reply.send({ temporalUi: temporalUi ?? null, stages })
      },
    )
  }
}
