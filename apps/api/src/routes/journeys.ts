import { findSend, listOutboxEvents, listSends, recordDryRunEngagement, type Db } from '@crosswise/db'
import { journeyWorkflowId, storeIdSchema } from '@crosswise/domain'
import { journeyStateQuery, stopJourneyUpdate } from '@crosswise/journeys'
import { WorkflowNotFoundError, type Client } from '@temporalio/client'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireAdminToken } from '../auth/admin-auth.ts'
import { problemSchema, type Problem } from '../errors.ts'

const journeyParams = z.object({ storeId: storeIdSchema, customerId: z.string().min(1).max(300) })
const sendParams = z.object({ storeId: storeIdSchema, sendKey: z.string().min(1).max(255) })
const security = [{ adminToken: [] }]

const stateSchema = z.object({
  storeId: z.string(),
  customerId: z.string(),
  stage: z.string(),
  triggerOrderId: z.string().optional(),
  segment: z.string().optional(),
  ordersSeen: z.array(z.string()),
  emailsSent: z.number(),
  pairingIds: z.array(z.string()),
  nextActionAt: z.string().optional(),
  details: z.string(),
  outcome: z.string().optional(),
})
const journeySchema = z.object({ journeyId: z.string(), status: z.string(), state: stateSchema })
const sendSchema = z.object({
  sendKey: z.string(),
  customerId: z.string(),
  orderId: z.string(),
  step: z.string(),
  kind: z.string().nullable(),
  pairingId: z.string().nullable(),
  pairingSource: z.string().nullable().describe('manual, mined, best-seller (of the category) or store-best-seller'),
  status: z.string(),
  reason: z.string().nullable(),
  channel: z.string().nullable(),
  sentAt: z.string().nullable(),
  event: z.record(z.string(), z.unknown()).nullable().describe('The dry-run outbox event, when the send ran dry'),
})
const engagementSchema = z.object({
  kind: z.enum(['opened', 'clicked', 'purchased']),
  occurredAt: z.coerce.date().optional().describe('Default: now'),
})

const temporalDown: Problem = { error: 'temporal_unavailable', message: 'This API has no Temporal connection (TEMPORAL_ADDRESS).' }
const noJourney = (id: string): Problem => ({ error: 'journey_not_found', message: `No journey '${id}'.` })

/**
 * Journey administration (admin token): read a journey's state through its query, stop it (the
 * `stopJourney` update, e.g. on unsubscribe), list a store's send ledger with the dry-run events, and
 * record engagement with a dry-run email so every branch of a journey can be exercised by hand.
 */
export function journeyRoutes(db: Db, temporal: Client | undefined, adminToken: string | undefined): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', requireAdminToken(adminToken))

    app.get(
      '/v1/admin/stores/:storeId/journeys/:customerId',
      {
        schema: {
          summary: 'Read a journey',
          tags: ['journeys'],
          security,
          params: journeyParams,
          response: { 200: journeySchema, 401: problemSchema, 404: problemSchema, 503: problemSchema },
        },
      },
      async (request, reply) => {
        if (!temporal) return reply.code(503).send(temporalDown)
        const journeyId = journeyWorkflowId(request.params.storeId, request.params.customerId)
        const handle = temporal.workflow.getHandle(journeyId)
        try {
          const description = await handle.describe()
          const state = await handle.query(journeyStateQuery)
          return reply.send({ journeyId, status: description.status.name, state })
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return reply.code(404).send(noJourney(journeyId))
          throw error
        }
      },
    )

    app.post(
      '/v1/admin/stores/:storeId/journeys/:customerId/stop',
      {
        schema: {
          summary: 'Stop a journey',
          description: 'Ends the running journey without another email (unsubscribe). Answers with its state when it stopped.',
          tags: ['journeys'],
          security,
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
        const handle = temporal.workflow.getHandle(journeyId)
        try {
          const description = await handle.describe()
          if (description.status.name !== 'RUNNING') {
            return reply
              .code(409)
              .send({ error: 'journey_ended', message: `Journey '${journeyId}' is ${description.status.name.toLowerCase()}.` })
          }
          const state = await handle.executeUpdate(stopJourneyUpdate, { args: [{ reason: request.body.reason }] })
          return reply.send({ journeyId, status: 'RUNNING', state })
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return reply.code(404).send(noJourney(journeyId))
          throw error
        }
      },
    )

    app.get(
      '/v1/admin/stores/:storeId/sends',
      {
        schema: {
          summary: 'List a store’s send ledger',
          tags: ['journeys'],
          security,
          params: z.object({ storeId: storeIdSchema }),
          querystring: z.object({ customerId: z.string().min(1).optional() }),
          response: { 200: z.object({ sends: z.array(sendSchema) }), 401: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        const sends = await listSends(db, storeId, request.query.customerId)
        const events = new Map((await listOutboxEvents(db, storeId)).map((event) => [event.uniqueId, event.event]))
        return reply.send({
          sends: sends.map((send) => ({
            sendKey: send.sendKey,
            customerId: send.customerId,
            orderId: send.orderId,
            step: send.step,
            kind: send.kind,
            pairingId: send.pairingId,
            pairingSource: send.pairingSource,
            status: send.status,
            reason: send.reason,
            channel: send.channel,
            sentAt: send.sentAt?.toISOString() ?? null,
            event: events.get(send.sendKey) ?? null,
          })),
        })
      },
    )

    app.post(
      '/v1/admin/stores/:storeId/sends/:sendKey/engagement',
      {
        schema: {
          summary: 'Record engagement with a dry-run email',
          description:
            'Opened, clicked or purchased, as Klaviyo and the store would report it; the journey reads it at its next engagement check.',
          tags: ['journeys'],
          security,
          params: sendParams,
          body: engagementSchema,
          response: {
            201: z.object({ recorded: z.boolean() }),
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { storeId, sendKey } = request.params
        const send = await findSend(db, sendKey)
        if (!send || send.storeId !== storeId)
          return reply.code(404).send({ error: 'send_not_found', message: `No send '${sendKey}' in store '${storeId}'.` })
        if (send.status !== 'sent' || send.channel !== 'outbox' || !send.profileId) {
          return reply.code(409).send({
            error: 'not_a_dry_run_send',
            message: `Send '${sendKey}' is ${send.status} via ${send.channel ?? 'nothing'}; engagement is recorded only for dry-run sends.`,
          })
        }
        const recorded = await recordDryRunEngagement(db, {
          sendKey,
          kind: request.body.kind,
          storeId,
          profileId: send.profileId,
          ...(request.body.occurredAt ? { occurredAt: request.body.occurredAt } : {}),
        })
        return reply.code(201).send(recorded)
      },
    )
  }
}
