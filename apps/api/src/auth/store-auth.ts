import { findStoreIdByTokenHash, type Db } from '@crosswise/db'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Problem } from '../errors.ts'
import { turnAway } from './admin-auth.ts'
import { bearerToken, hashApiToken } from './api-token.ts'
import type { FailedAuthLimiter } from './failed-auth-limiter.ts'
import type { StoreRateLimiter } from './store-rate-limiter.ts'

/**
 * An `onRequest` hook for `/v1/stores/{storeId}/…`: the bearer token must be the store's own, and the
 * store within its request rate. Runs before the body is read, so a refused request costs no parsing
 * and records nothing.
 */
export function requireStoreToken(db: Db, failures: FailedAuthLimiter, rate?: StoreRateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const waitMs = failures.blockedFor(request.ip)
    if (waitMs > 0) return turnAway(reply, waitMs)
    const token = bearerToken(request.headers.authorization)
    if (!token) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'Send the store’s API token as `Authorization: Bearer <token>`.' } satisfies Problem)
      return
    }
    const storeId = await findStoreIdByTokenHash(db, hashApiToken(token))
    const wanted = (request.params as { storeId?: string }).storeId
    if (!storeId || storeId !== wanted) {
      failures.recordFailure(request.ip)
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer error="invalid_token"')
        .send({ error: 'unauthorized', message: 'The API token is not valid for this store.' } satisfies Problem)
      return
    }
    const rateWaitMs = rate?.take(storeId) ?? 0
    if (rateWaitMs > 0) return turnAway(reply, rateWaitMs, `Store '${storeId}' is over its request rate`)
  }
}
