import { fromWire, toWire } from '@crosswise/journeys'
import type { PayloadCodec } from '@temporalio/common'
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { tokenMatcher, turnAway } from '../auth/admin-auth.ts'
import type { FailedAuthLimiter } from '../auth/failed-auth-limiter.ts'
import { problemSchema, type Problem } from '../errors.ts'

const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64')
const payloadsSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })).max(10_000),
})

/** Who may call the codec endpoint, and where its answers may be read. */
export interface CodecAccess {
  /** The admin token's hook: encode and decode at `/codec/…`. */
  adminAuth: onRequestHookHandler
  /** `CROSSWISE_CODEC_TOKEN`: decode only, at `/codec/{token}/decode`, the address the Temporal UI is given. */
  codecToken: string | undefined
  failures: FailedAuthLimiter
  /** Origins of the Temporal UI, which calls from the browser. */
  uiOrigins: readonly string[]
}

/**
 * Temporal's codec server protocol (`POST …/encode`, `POST …/decode`): payloads as JSON with base64
 * bytes, in and out. Decoded payloads hold customer emails, so it answers only to a credential: the
 * admin token (`/codec/encode`, `/codec/decode`, for the CLI), or the codec-only token in the path
 * (`/codec/{token}/decode`), because the Temporal UI can send no header of its own. CORS admits the
 * UI's origins. A payload that is not base64 or does not open is a 400.
 */
export function codecRoutes(codec: PayloadCodec | undefined, access: CodecAccess): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin
      if (origin && access.uiOrigins.includes(origin)) {
        void reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'origin')
      }
      // A preflight carries no credential: answer it before any check.
      if (request.method === 'OPTIONS') {
        return reply
          .code(204)
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type, authorization, x-namespace')
          .send()
      }
      return undefined
    })

    await app.register(async (admin) => {
      admin.addHook('onRequest', access.adminAuth)
      for (const direction of ['encode', 'decode'] as const)
        payloadRoute(admin, codec, direction, `/codec/${direction}`, [{ adminToken: [] }])
    })

    const matches = tokenMatcher(access.codecToken)
    await app.register(async (ui) => {
      ui.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const waitMs = access.failures.blockedFor(request.ip)
        if (waitMs > 0) return turnAway(reply, waitMs)
        if (matches((request.params as { credential?: string }).credential)) return undefined
        access.failures.recordFailure(request.ip)
        return reply.code(401).send({
          error: 'unauthorized',
          message: access.codecToken ? 'Unknown codec credential.' : 'No codec credential is configured: set CROSSWISE_CODEC_TOKEN.',
        } satisfies Problem)
      })
      payloadRoute(ui, codec, 'decode', '/codec/:credential/decode', [])
    })
  }
}

function payloadRoute(
  app: FastifyInstance,
  codec: PayloadCodec | undefined,
  direction: 'encode' | 'decode',
  path: string,
  security: Array<Record<string, string[]>>,
): void {
  app.options(path, { schema: { hide: true } }, async (_request, reply) => reply.code(204).send())
  app.withTypeProvider<ZodTypeProvider>().post(
    path,
    {
      schema: {
        summary: `${direction === 'encode' ? 'Encrypt' : 'Decrypt'} Temporal payloads`,
        tags: ['codec'],
        security,
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
