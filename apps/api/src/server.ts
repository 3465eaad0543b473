import swagger from '@fastify/swagger'
import type { Db } from '@crosswise/db'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Logger } from 'pino'
import { replyWithProblem } from './errors.ts'
import { healthRoutes } from './routes/health.ts'
import { orderRoutes } from './routes/orders.ts'

export interface ServerOptions {
  db: Db
  logger: Logger
  /** Largest accepted request body in bytes; larger ones get 413. */
  bodyLimit: number
}

/** Builds the HTTP API (not yet listening). `GET /openapi.json` serves its OpenAPI document. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: options.logger as FastifyBaseLogger, bodyLimit: options.bodyLimit, return503OnClosing: true })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(replyWithProblem)
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route for ${request.method} ${request.url}` }),
  )
  await app.register(swagger, {
    openapi: {
      info: { title: 'Crosswise API', version: '0.1.0', description: 'Order ingest and journey administration.' },
    },
    transform: jsonSchemaTransform,
  })
  const routes = app.withTypeProvider<ZodTypeProvider>()
  await routes.register(healthRoutes(options.db))
  await routes.register(orderRoutes(options.db))
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  await app.ready()
  return app
}
