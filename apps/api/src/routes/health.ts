import { sql } from 'kysely'
import type { Db } from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']) })

/** `GET /health`: answers 200 while PostgreSQL answers, 503 otherwise. Temporal is not asked. */
export function healthRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { schema: { tags: ['health'], response: { 200: healthSchema, 503: healthSchema } } }, async (_request, reply) => {
      try {
        await sql`select 1`.execute(db)
        return reply.code(200).send({ status: 'ok', database: 'up' })
      } catch {
        return reply.code(503).send({ status: 'degraded', database: 'down' })
      }
    })
  }
}
