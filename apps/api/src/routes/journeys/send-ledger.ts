import { listOutboxEvents, listSends, type Db } from '@crosswise/db'
import { storeIdSchema } from '@crosswise/domain'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminSecurity } from '../../auth/admin-auth.ts'
import { problemSchema } from '../../errors.ts'

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

/** A store's send ledger, each send with the event the dry-run outbox holds for it. */
export function sendLedgerRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/stores/:storeId/sends',
      {
        schema: {
          summary: 'List a store’s send ledger',
          tags: ['journeys'],
          security: adminSecurity,
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
  }
}
