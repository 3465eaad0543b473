import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Problem } from '../errors.ts'
import { bearerToken } from './api-token.ts'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * An `onRequest` hook for the admin API: the bearer token must equal `CROSSWISE_ADMIN_TOKEN`
 * (compared in constant time over digests, so neither length nor content leaks). Without a
 * configured token the admin API is closed.
 */
export function requireAdminToken(adminToken: string | undefined) {
  const expected = adminToken ? digest(adminToken) : undefined
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request.headers.authorization)
    if (expected && token && timingSafeEqual(digest(token), expected)) return
    await reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({
        error: 'unauthorized',
        message: expected
          ? 'Send the admin token as `Authorization: Bearer <token>`.'
          : 'The admin API is closed: set CROSSWISE_ADMIN_TOKEN.',
      } satisfies Problem)
  }
}

/** The OpenAPI security requirement of every admin route: the admin bearer token. */
export const adminSecurity = [{ adminToken: [] }]
