import { findStoreIdByTokenHash, type Db } from '@crosswise/db'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { tokenMatcher, turnAway } from '../auth/admin-auth.ts'
import { hashApiToken } from '../auth/api-token.ts'
import type { FailedAuthLimiter } from '../auth/failed-auth-limiter.ts'
import { cookieValue, sessionCookie, sessionLifetimeMs, type SessionScope, type SessionSigner } from '../auth/session.ts'
import { problemSchema, type Problem } from '../errors.ts'

const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin') }),
  z.object({ kind: z.literal('store'), storeId: z.string() }),
])

/** Plain HTTP only on the machine itself (`npm run dev`); anywhere else the cookie needs HTTPS. */
const loopback = (hostname: string) => ['localhost', '127.0.0.1', '[::1]'].includes(hostname.replace(/:\d+$/, ''))

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  const secure = request.protocol === 'https' || !loopback(request.hostname)
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])]
  void reply.header('set-cookie', `${sessionCookie}=${value}; ${attributes.join('; ')}`)
}

/**
 * The dashboard's sign-in: `POST /v1/session` exchanges the admin token (everything) or a store's
 * API token (that store's pages) for an HTTP-only, same-site session cookie, so the token never stays
 * in the browser; `GET` says who the session is; `DELETE` signs out. Failed sign-ins count towards
 * the same per-address limit as every other token check.
 */
export function sessionRoutes(
  db: Db,
  adminToken: string | undefined,
  sessions: SessionSigner | undefined,
  failures: FailedAuthLimiter,
): FastifyPluginAsyncZod {
  const isAdminToken = tokenMatcher(adminToken)
  return async (app) => {
    app.post(
      '/v1/session',
      {
        schema: {
          summary: 'Sign in to the dashboard with the admin token or a store’s API token',
          tags: ['dashboard'],
          body: z.object({ token: z.string().min(1).max(500) }),
          response: { 200: scopeSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const waitMs = failures.blockedFor(request.ip)
        if (waitMs > 0) return turnAway(reply, waitMs)
        const { token } = request.body
        let scope: SessionScope | undefined
        if (sessions && isAdminToken(token)) scope = { kind: 'admin' }
        else if (sessions) {
          const storeId = await findStoreIdByTokenHash(db, hashApiToken(token))
          if (storeId) scope = { kind: 'store', storeId }
        }
        if (!scope || !sessions) {
          failures.recordFailure(request.ip)
          return reply.code(401).send({
            error: 'unauthorized',
            message: adminToken
              ? 'That is neither the admin token nor a store’s API token.'
              : 'Sign-in is closed: set CROSSWISE_ADMIN_TOKEN.',
          } satisfies Problem)
        }
        setSessionCookie(request, reply, sessions.issue(scope), sessionLifetimeMs / 1000)
        return reply.send(scope)
      },
    )

    app.get(
      '/v1/session',
      {
        schema: {
          summary: 'Who the dashboard session speaks for',
          tags: ['dashboard'],
          response: { 200: scopeSchema, 401: problemSchema },
        },
      },
      async (request, reply) => {
        const scope = sessions?.verify(cookieValue(request.headers.cookie, sessionCookie))
        return scope ? reply.send(scope) : reply.code(401).send({ error: 'unauthorized', message: 'Not signed in.' } satisfies Problem)
      },
    )

    app.delete(
      '/v1/session',
      { schema: { summary: 'Sign out of the dashboard', tags: ['dashboard'], response: { 204: z.null() } } },
      async (request, reply) => {
        setSessionCookie(request, reply, '', 0)
        return reply.code(204).send(null)
      },
    )
  }
}
