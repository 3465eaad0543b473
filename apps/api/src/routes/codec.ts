import { fromWire, toWire } from '@crosswise/journeys'
import type { PayloadCodec } from '@temporalio/common'
import type { onRequestHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema } from '../errors.ts'

const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64')
const payloadsSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })).max(10_000),
})

/**
 * Temporal's codec server protocol (`POST /codec/encode`, `POST /codec/decode`): payloads as JSON
 * with base64 bytes, in and out. The Temporal UI and CLI point at it (`--codec-endpoint`) to show
 * encrypted journey payloads; it answers only to the admin token (the UI must pass it), because
 * decoded payloads hold customer emails. CORS admits the Temporal UI's origins. Without a payload key,
 * payloads pass through unchanged.
 */
export function codecRoutes(
  codec: PayloadCodec | undefined,
  adminAuth: onRequestHookHandler,
  uiOrigins: readonly string[],
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin
      if (origin && uiOrigins.includes(origin)) {
        void reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'origin')
      }
      // A preflight carries no token: answer it before the token check.
      if (request.method === 'OPTIONS') {
        return reply
          .code(204)
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type, authorization, x-namespace')
          .send()
      }
      return undefined
    })
    app.addHook('onRequest', adminAuth)

    for (const direction of ['encode', 'decode'] as const) {
      app.options(`/codec/${direction}`, { schema: { hide: true } }, async (_request, reply) => reply.code(204).send())
      app.post(
        `/codec/${direction}`,
        {
          schema: {
            summary: `${direction === 'encode' ? 'Encrypt' : 'Decrypt'} Temporal payloads`,
            tags: ['codec'],
            security: [{ adminToken: [] }],
            body: payloadsSchema,
            response: { 200: payloadsSchema, 400: problemSchema, 401: problemSchema },
          },
        },
        async (request, reply) => {
          const payloads = request.body.payloads.map(fromWire)
          let converted = payloads
          try {
            if (codec) converted = await codec[direction](payloads)
          } catch (error) {
            // A payload sealed under another key, or bytes that were never sealed, are the caller's to fix.
            return reply
              .code(400)
              .send({ error: 'undecodable_payload', message: `A payload could not be ${direction}d: ${(error as Error).message}` })
          }
          return reply.send({ payloads: converted.map(toWire) })
        },
      )
    }
  }
}
