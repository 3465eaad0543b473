import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Problem } from '../errors.ts'
import { bearerToken } from './api-token.ts'
import type { FailedAuthLimiter } from './failed-auth-limiter.ts'

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

/**
 * An `onRequest` hook for the admin API: the bearer token must equal `CROSSWISE_ADMIN_TOKEN`
 * (compared in constant time over digests, so neither length nor content leaks). Without a
 * configured token the admin API is closed. A client that keeps failing is turned away for a while.
 */
export function requireAdminToken(adminToken: string | undefined, failures: FailedAuthLimiter) {
  const matches = tokenMatcher(adminToken)
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const waitMs = failures.blockedFor(request.ip)
    if (waitMs > 0) return turnAway(reply, waitMs)
    if (matches(bearerToken(request.headers.authorization))) return
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
