import swagger from '@fastify/swagger'
import { ApiKeyCipher, type Db } from '@crosswise/db'
import type { ShopifyAdminConnection } from '@crosswise/db'
import type { KlaviyoKeyCheck } from '@crosswise/klaviyo'
import type { ShopifyAccessCheck } from '@crosswise/shopify'
import type { Client } from '@temporalio/client'
import type { PayloadCodec } from '@temporalio/common'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Logger } from 'pino'
import { requireAdminToken } from './auth/admin-auth.ts'
import { SessionSigner } from './auth/session.ts'
import { FailedAuthLimiter } from './auth/failed-auth-limiter.ts'
import { StoreRateLimiter, type StoreRateLimit } from './auth/store-rate-limiter.ts'
import { requireStoreToken } from './auth/store-auth.ts'
import { replyWithProblem, unstorableText } from './errors.ts'
import { adminCustomerRoutes } from './routes/admin-customers.ts'
import { adminExperimentRoutes } from './routes/admin-experiments.ts'
import { adminKlaviyoRoutes } from './routes/admin-klaviyo.ts'
import { adminMinedPairingRoutes } from './routes/admin-mined-pairings.ts'
import { adminPairingRoutes } from './routes/admin-pairings.ts'
import { adminRecommendationRuleRoutes } from './routes/admin-recommendation-rules.ts'
import { adminReportRoutes } from './routes/admin-reports.ts'
import { adminShopifyRoutes } from './routes/admin-shopify.ts'
import { adminStoreRoutes } from './routes/admin-stores.ts'
import { cancellationRoutes } from './routes/cancellations.ts'
import { codecRoutes } from './routes/codec.ts'
import { sessionRoutes } from './routes/session.ts'
import { dashboardRoutes } from './routes/dashboard.ts'
import type { TemporalUiLink } from './routes/journeys/journey-counts.ts'
import { fulfillmentRoutes } from './routes/fulfillments.ts'
import { healthRoutes } from './routes/health.ts'
import { journeyRoutes } from './routes/journeys.ts'
import { orderRoutes } from './routes/orders.ts'
import { productRoutes } from './routes/products.ts'
import { refundRoutes } from './routes/refunds.ts'
import { defaultDeliveryRetention, type DeliveryRetention } from './webhooks/shopify/delivery-retention.ts'
import { shopifyWebhookRoutes } from './webhooks/shopify/route.ts'
import { findUnstorableText } from './unstorable-text.ts'
import { requestLogEntry } from './request-log.ts'

export interface ServerOptions {
  db: Db
  logger: Logger
  /** Largest accepted request body in bytes; larger ones get 413. */
  bodyLimit: number
  /** Bearer token of the admin API; without it the admin API answers 401. */
  adminToken?: string
  /** Temporal client for journey queries and updates (admin only; ingest never waits on Temporal). */
  temporal?: Client
  /** The payload codec the codec endpoint serves (`CROSSWISE_PAYLOAD_KEY`); none: pass-through. */
  payloadCodec?: PayloadCodec
  /** The codec-only credential the Temporal UI's codec endpoint carries in its path (`CROSSWISE_CODEC_TOKEN`). */
  codecToken?: string
  /** Origins of the Temporal UI, which calls the codec endpoint from the browser. */
  temporalUiOrigins?: string[]
  /** The built dashboard (`apps/dashboard/dist`), served at `/dashboard/`. */
  dashboardDir?: string
  /** The Temporal UI the dashboard links journey counts to. */
  temporalUi?: TemporalUiLink
  /** How long webhook deliveries are kept for dedupe; default seven days, swept hourly. */
  deliveryRetention?: DeliveryRetention
  /** Seals stores' Klaviyo keys, Shopify tokens and webhook secrets (`CROSSWISE_PAYLOAD_KEY`); default: stored plain, never shown. */
  apiKeyCipher?: ApiKeyCipher
  /** Asks Klaviyo whether it accepts a store's key before it is saved; none: keys are saved unchecked. */
  checkKlaviyoKey?: (apiKey: string) => Promise<KlaviyoKeyCheck>
  /** Asks Shopify whether it accepts a store's Admin API token before it is saved; none: saved unchecked. */
  checkShopifyAccess?: (connection: ShopifyAdminConnection) => Promise<ShopifyAccessCheck>
  /** The worker's task queue, where a newly connected store's catalogue sync starts; default `crosswise-journeys`. */
  taskQueue?: string
  /** Requests each store may make through its own routes and its webhooks; unset: no limit. */
  storeRateLimit?: StoreRateLimit
  /** Limit on each call to Temporal from an admin route; default 5 s. */
  temporalCallTimeoutMs?: number
}

/** Builds the HTTP API (not yet listening). `GET /openapi.json` serves its OpenAPI document. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger.child({}, { serializers: { req: requestLogEntry } }) as FastifyBaseLogger,
    bodyLimit: options.bodyLimit,
    return503OnClosing: true,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(replyWithProblem)
  // Every JSON body, before its route's schema: text PostgreSQL cannot store is refused by name.
  app.addHook('preValidation', async (request, reply) => {
    if (request.body === undefined || Buffer.isBuffer(request.body)) return undefined
    const field = findUnstorableText(request.body)
    return field === undefined ? undefined : reply.code(400).send(unstorableText(field ? `body.${field}` : 'body'))
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route for ${request.method} ${request.url}` }),
  )
  await app.register(swagger, {
    openapi: {
      info: { title: 'Crosswise API', version: '0.1.0', description: 'Order ingest and journey administration.' },
      components: {
        securitySchemes: {
          storeToken: { type: 'http', scheme: 'bearer', description: 'The store’s API token, returned once when the store is created' },
          adminToken: { type: 'http', scheme: 'bearer', description: 'CROSSWISE_ADMIN_TOKEN' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  const routes = app.withTypeProvider<ZodTypeProvider>()
  const cipher = options.apiKeyCipher ?? ApiKeyCipher.fromSecret(undefined)
  // One count of failed authentications for every route that asks for a token.
  const authFailures = new FailedAuthLimiter()
  const storeRate = options.storeRateLimit && new StoreRateLimiter(options.storeRateLimit)
  const sessions = options.adminToken ? new SessionSigner(options.adminToken) : undefined
  const adminAuth = requireAdminToken(options.adminToken, authFailures, sessions)
  await routes.register(healthRoutes(options.db))
  await routes.register(sessionRoutes(options.db, options.adminToken, sessions, authFailures))
  await app.register(dashboardRoutes(options.dashboardDir))
  // The store's own routes: its bearer token is checked before the body is read.
  await routes.register(async (store) => {
    store.addHook('onRequest', requireStoreToken(options.db, authFailures, storeRate))
    await store.register(orderRoutes(options.db))
    await store.register(fulfillmentRoutes(options.db))
    await store.register(cancellationRoutes(options.db))
    await store.register(refundRoutes(options.db))
    await store.register(productRoutes(options.db))
  })
  // The admin API: one scope whose hook checks the admin token before anything else runs.
  await routes.register(async (admin) => {
    admin.addHook('onRequest', adminAuth)
    await admin.register(adminStoreRoutes(options.db, cipher))
    await admin.register(adminKlaviyoRoutes(options.db, cipher, options.checkKlaviyoKey))
    await admin.register(
      adminShopifyRoutes(options.db, cipher, {
        ...(options.checkShopifyAccess ? { checkAccess: options.checkShopifyAccess } : {}),
        ...(options.temporal ? { temporal: options.temporal } : {}),
        taskQueue: options.taskQueue ?? 'crosswise-journeys',
        callTimeoutMs: options.temporalCallTimeoutMs ?? 5_000,
      }),
    )
    await admin.register(adminPairingRoutes(options.db))
    await admin.register(adminRecommendationRuleRoutes(options.db))
    await admin.register(adminMinedPairingRoutes(options.db))
    await admin.register(adminReportRoutes(options.db))
    await admin.register(adminExperimentRoutes(options.db))
    await admin.register(adminCustomerRoutes(options.db))
  })
  await routes.register(journeyRoutes(options.db, options.temporal, adminAuth, options.temporalUi))
  await routes.register(
    codecRoutes(options.payloadCodec, {
      adminAuth,
      codecToken: options.codecToken,
      failures: authFailures,
      uiOrigins: options.temporalUiOrigins ?? [],
    }),
  )
  await routes.register(shopifyWebhookRoutes(options.db, cipher, options.deliveryRetention ?? defaultDeliveryRetention, storeRate))
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  await app.ready()
  return app
}
