import { fromWire, toWire } from '@crosswise/journeys'
import type { PayloadCodec } from '@temporalio/common'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireAdminToken } from '../auth/admin-auth.ts'
import { problemSchema } from '../errors.ts'

const payloadsSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() })).max(10_000),
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
  adminToken: string | undefined,
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
    app.addHook('onRequest', requireAdminToken(adminToken))

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
          const converted = codec ? await codec[direction](payloads) : payloads
          return reply.send({ payloads: converted.map(toWire) })
        },
      )
    }
  }
}
