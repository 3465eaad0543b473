import { findSend, recordDryRunEngagement, type Db } from '@crosswise/db'
import { storeIdSchema } from '@crosswise/domain'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminSecurity } from '../../auth/admin-auth.ts'
import { problemSchema } from '../../errors.ts'

const sendParams = z.object({ storeId: storeIdSchema, sendKey: z.string().min(1).max(255) })
const engagementSchema = z.object({
  kind: z.enum(['opened', 'clicked', 'purchased']),
  occurredAt: z.coerce.date().optional().describe('Default: now'),
})

/** Records engagement with a dry-run email, so every branch of a journey can be exercised by hand. */
export function dryRunEngagementRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/admin/stores/:storeId/sends/:sendKey/engagement',
      {
        schema: {
          summary: 'Record engagement with a dry-run email',
          description:
            'Opened, clicked or purchased, as Klaviyo and the store would report it; the journey reads it at its next engagement check.',
          tags: ['journeys'],
          security: adminSecurity,
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
