import { ExperimentConflictError, getStore, startExperiment, stopExperiment, type Db } from '@crosswise/db'
import { experimentSchema, storeIdSchema } from '@crosswise/domain'
import { experimentView, experimentViewSchema, latestExperimentReport } from '@crosswise/reports'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminSecurity } from '../auth/admin-auth.ts'
import { problemSchema, storeNotFound } from '../errors.ts'

const params = z.object({ storeId: storeIdSchema })
const stopBody = z.object({
  promote: z.string().min(1).optional().describe('The variant every email goes out as from now on; none: back to the plain email'),
})

/**
 * A store's experiment on its cross-sell email (`CROSSWISE_ADMIN_TOKEN`): start one, read it with its
 * results per variant, stop it and promote a variant.
 */
export function adminExperimentRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    const current = async (storeId: string) => {
      const report = await latestExperimentReport(db, storeId)
      return report && experimentView(report)
    }

    app.post(
      '/v1/admin/stores/:storeId/experiments',
      {
        schema: {
          summary: 'Start an experiment on the email: two to four variants of subject line, offer, layout and delay, the first the control',
          tags: ['measurement'],
          security: adminSecurity,
          params,
          body: experimentSchema,
          response: { 201: experimentViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        try {
          await startExperiment(db, storeId, request.body)
        } catch (error) {
          if (error instanceof ExperimentConflictError)
            return reply.code(409).send({ error: 'experiment_conflict', message: error.message })
          throw error
        }
        return reply.code(201).send((await current(storeId))!)
      },
    )

    app.get(
      '/v1/admin/stores/:storeId/experiments/current',
      {
        schema: {
          summary: 'The running experiment (else the last one) with each variant’s results and the sequential test’s verdict',
          tags: ['measurement'],
          security: adminSecurity,
          params,
          response: { 200: experimentViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const view = await current(storeId)
        if (!view) return reply.code(404).send({ error: 'no_experiment', message: `Store '${storeId}' has had no experiment.` })
        return reply.send(view)
      },
    )

    app.post(
      '/v1/admin/stores/:storeId/experiments/current/stop',
      {
        schema: {
          summary: 'Stop the running experiment, promoting one of its variants or none',
          tags: ['measurement'],
          security: adminSecurity,
          params,
          body: stopBody,
          response: { 200: experimentViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const running = await latestExperimentReport(db, storeId)
        if (!running || running.experiment.stoppedAt)
          return reply.code(404).send({ error: 'no_running_experiment', message: `Store '${storeId}' runs no experiment.` })
        const { promote } = request.body
        if (promote !== undefined && !running.experiment.experiment.variants.some((variant) => variant.id === promote))
          return reply
            .code(400)
            .send({ error: 'unknown_variant', message: `Experiment '${running.experiment.experiment.id}' has no variant '${promote}'.` })
        await stopExperiment(db, storeId, promote ?? null)
        return reply.send((await current(storeId))!)
      },
    )
  }
}
