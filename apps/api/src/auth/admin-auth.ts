import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Problem } from '../errors.ts'
import { bearerToken } from './api-token.ts'
import type { FailedAuthLimiter } from './failed-auth-limiter.ts'
import { cookieValue, sessionCookie, type SessionSigner } from './session.ts'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Whether a given token equals the configured one, compared in constant time over digests so that
 * neither length nor content leaks; nothing matches when none is configured.
 */
export function tokenMatcher(configured: string | undefined): (given: string | undefined) => boolean {
  const expected = configured ? digest(configured) : undefined
  return (given) => !!expected && !!given && timingSafeEqual(digest(given), expected)
}

/** The 429 of a client that failed authentication too often; it says when to try again. */
export async function turnAway(
  reply: FastifyReply,
  waitMs: number,
  why = 'Too many failed authentications from this address',
): Promise<void> {
  const seconds = Math.ceil(waitMs / 1000)
  await reply
    .code(429)
    .header('retry-after', String(seconds))
    .send({ error: 'too_many_requests', message: `${why}; try again in ${seconds} s.` } satisfies Problem)
}

/** Admin routes a store's own dashboard session may not use: other stores, secrets, erasure, tokens. */
function storeSessionMayUse(request: FastifyRequest, storeId: string): boolean {
  const route = request.routeOptions.url ?? ''
  const params = request.params as { storeId?: unknown }
  if (params.storeId !== storeId || !route.startsWith('/v1/admin/stores/:storeId')) return false
  if (route === '/v1/admin/stores/:storeId') return request.method === 'GET'
  return !/^\/v1\/admin\/stores\/:storeId\/(token|klaviyo|shopify|customers)(\/|$)/.test(route)
}

/**
 * An `onRequest` hook for the admin API: the bearer token must equal `CROSSWISE_ADMIN_TOKEN`
 * (compared in constant time over digests, so neither length nor content leaks), or the request
 * carries a dashboard session (`sessions`): the operator's reaches everything, a store's only its
 * own store's pages. A session's writes must carry `X-Crosswise-Dashboard: 1`, a header no other
 * site can make a browser send without asking (CORS), so a forged form cannot act with the cookie.
 * Without a configured token the admin API is closed. A client that keeps failing is turned away for a while.
 */
export function requireAdminToken(adminToken: string | undefined, failures: FailedAuthLimiter, sessions?: SessionSigner) {
  const matches = tokenMatcher(adminToken)
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const waitMs = failures.blockedFor(request.ip)
    if (waitMs > 0) return turnAway(reply, waitMs)
    if (matches(bearerToken(request.headers.authorization))) return
    const session = sessions?.verify(cookieValue(request.headers.cookie, sessionCookie))
    if (session) {
      const writes = request.method !== 'GET' && request.method !== 'HEAD'
      if (writes && request.headers['x-crosswise-dashboard'] !== '1') {
        return void (await reply.code(403).send({
          error: 'forbidden',
          message: 'A dashboard session changes things only with `X-Crosswise-Dashboard: 1`.',
        } satisfies Problem))
      }
      if (session.kind === 'admin' || storeSessionMayUse(request, session.storeId)) return
      return void (await reply
        .code(403)
        .send({ error: 'forbidden', message: `This session reaches only the pages of store '${session.storeId}'.` } satisfies Problem))
    }
    failures.recordFailure(request.ip)
    await reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({
        error: 'unauthorized',
        message: adminToken
          ? 'Send the admin token as `Authorization: Bearer <token>`.'
          : 'The admin API is closed: set CROSSWISE_ADMIN_TOKEN.',
      } satisfies Problem)
  }
}

/** The OpenAPI security requirement of every admin route: the admin bearer token. */
export const adminSecurity = [{ adminToken: [] }]
