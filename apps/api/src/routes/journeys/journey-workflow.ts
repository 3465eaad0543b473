import { journeyWorkflowId, storeIdSchema } from '@crosswise/domain'
import { journeyStateQuery, journeyStateSchema, stopJourneyUpdate } from '@crosswise/journeys'
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminSecurity } from '../../auth/admin-auth.ts'
import { problemSchema, type Problem } from '../../errors.ts'

const journeyParams = z.object({ storeId: storeIdSchema, customerId: z.string().min(1).max(300) })
// The workflow's own state schema: a field the journey adds (Klaviyo's `failure`) reaches the API.
const journeySchema = z.object({ journeyId: z.string(), status: z.string(), state: journeyStateSchema })

const temporalDown: Problem = { error: 'temporal_unavailable', message: 'This API has no Temporal connection (TEMPORAL_ADDRESS).' }
const noJourney = (id: string): Problem => ({ error: 'journey_not_found', message: `No journey '${id}'.` })

/** Runs calls on a journey's workflow; undefined when Temporal knows no such journey. */
async function onJourney<T>(temporal: Client, journeyId: string, call: (handle: WorkflowHandle) => Promise<T>): Promise<T | undefined> {
  try {
    return await call(temporal.workflow.getHandle(journeyId))
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined
    throw error
  }
}

/**
 * The calls to a running journey: read its state through its query, or stop it (the `stopJourney`
 * update, e.g. on unsubscribe). Both answer 503 when the API has no Temporal connection.
 */
export function journeyWorkflowRoutes(temporal: Client | undefined): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/stores/:storeId/journeys/:customerId',
      {
        schema: {
          summary: 'Read a journey',
          tags: ['journeys'],
          security: adminSecurity,
          params: journeyParams,
          response: { 200: journeySchema, 401: problemSchema, 404: problemSchema, 503: problemSchema },
        },
      },
      async (request, reply) => {
        if (!temporal) return reply.code(503).send(temporalDown)
        const journeyId = journeyWorkflowId(request.params.storeId, request.params.customerId)
        const journey = await onJourney(temporal, journeyId, async (handle) => {
          const description = await handle.describe()
          return { journeyId, status: description.status.name, state: await handle.query(journeyStateQuery) }
        })
        return journey ? reply.send(journey) : reply.code(404).send(noJourney(journeyId))
      },
    )

    app.post(
      '/v1/admin/stores/:storeId/journeys/:customerId/stop',
      {
        schema: {
          summary: 'Stop a journey',
          description: 'Ends the running journey without another email (unsubscribe). Answers with its state when it stopped.',
          tags: ['journeys'],
          security: adminSecurity,
          params: journeyParams,
          body: z
            .object({ reason: z.string().trim().min(1).max(200).default('stopped by an operator') })
            .default({ reason: 'stopped by an operator' }),
          response: { 200: journeySchema, 401: problemSchema, 404: problemSchema, 409: problemSchema, 503: problemSchema },
        },
      },
      async (request, reply) => {
        if (!temporal) return reply.code(503).send(temporalDown)
        const journeyId = journeyWorkflowId(request.params.storeId, request.params.customerId)
        const stopped = await onJourney(temporal, journeyId, async (handle) => {
          const { status } = await handle.describe()
          if (status.name !== 'RUNNING') return { ended: status.name }
          return { state: await handle.executeUpdate(stopJourneyUpdate, { args: [{ reason: request.body.reason }] }) }
        })
        if (!stopped) return reply.code(404).send(noJourney(journeyId))
        if (stopped.ended !== undefined) {
          return reply.code(409).send({ error: 'journey_ended', message: `Journey '${journeyId}' is ${stopped.ended.toLowerCase()}.` })
        }
        return reply.send({ journeyId, status: 'RUNNING', state: stopped.state })
      },
    )
  }
}
