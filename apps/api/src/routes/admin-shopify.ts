import {
  describeShopifyConnection,
  getStore,
  removeShopifyConnection,
  saveShopifyConnection,
  type ApiKeyCipher,
  type Db,
  type ShopifyAdminConnection,
  type ShopifyConnectionSummary,
} from '@crosswise/db'
import { catalogueSyncId, shopDomainSchema, storeIdSchema } from '@crosswise/domain'
import { syncCatalogue } from '@crosswise/journeys'
import { defaultShopifyApiVersion, ShopifyError, type ShopifyAccessCheck } from '@crosswise/shopify'
import { ScheduleNotFoundError, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client'
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema, storeNotFound } from '../errors.ts'
import { adminSecurity } from '../auth/admin-auth.ts'

const connectionSchema = z.object({
  shopDomain: shopDomainSchema.describe('The shop’s permanent `*.myshopify.com` domain; must be the store’s own, or becomes it'),
  accessToken: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,255}$/, 'must be a Shopify Admin API access token (shpat_…)')
    .describe('Admin API access token with read_products and read_inventory; stored encrypted and never shown again'),
  apiVersion: z
    .string()
    .trim()
    .regex(/^(\d{4}-(01|04|07|10)|unstable)$/, 'must be a Shopify API version such as "2026-10"')
    .default(defaultShopifyApiVersion)
    .describe(`Admin API version; default ${defaultShopifyApiVersion}`),
})
const connectionViewSchema = z.object({
  configured: z.boolean(),
  shopDomain: z.string().optional(),
  accessTokenLast4: z.string().optional().describe('Last four characters of the token, to recognise it'),
  apiVersion: z.string().optional(),
  updatedAt: z.iso.datetime().optional(),
  lastSyncedAt: z.iso.datetime().optional(),
  lastSync: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('What the last catalogue sync did: pages, products, upserted, deleted, waitedMs'),
})
const connectedSchema = connectionViewSchema.extend({
  sync: z.object({
    status: z
      .enum(['started', 'already-running', 'not-started'])
      .describe('`not-started`: Temporal could not be reached; the store’s schedule syncs it within minutes'),
    workflowId: z.string(),
  }),
})
const params = z.object({ storeId: storeIdSchema })
const tags = ['admin']

function view(connection: ShopifyConnectionSummary): z.output<typeof connectionViewSchema> {
  return {
    configured: connection.configured,
    ...(connection.shopDomain ? { shopDomain: connection.shopDomain } : {}),
    ...(connection.accessTokenLast4 ? { accessTokenLast4: connection.accessTokenLast4 } : {}),
    ...(connection.apiVersion ? { apiVersion: connection.apiVersion } : {}),
    ...(connection.updatedAt ? { updatedAt: connection.updatedAt.toISOString() } : {}),
    ...(connection.lastSyncedAt ? { lastSyncedAt: connection.lastSyncedAt.toISOString() } : {}),
    ...(connection.lastSync ? { lastSync: connection.lastSync } : {}),
  }
}

/** How the admin API reaches Shopify and starts catalogue syncs. */
export interface ShopifyAdminSettings {
  /** Asks Shopify whether it accepts a token before it is saved; none: tokens are saved unchecked. */
  checkAccess?: (connection: ShopifyAdminConnection) => Promise<ShopifyAccessCheck>
  /** Starts the first sync of a connected store; none: its schedule does. */
  temporal?: Client
  /** The worker's task queue (`CROSSWISE_TASK_QUEUE`). */
  taskQueue: string
  /** Limit on each call to Temporal. */
  callTimeoutMs: number
}

/**
 * The admin API for a store's Shopify Admin API connection (`CROSSWISE_ADMIN_TOKEN`): set it (Shopify
 * is asked first; the catalogue sync starts at once), read it (never the token) and remove it.
 */
export function adminShopifyRoutes(db: Db, cipher: ApiKeyCipher, settings: ShopifyAdminSettings): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/v1/admin/stores/:storeId/shopify',
      {
        schema: {
          summary: 'Connect a store’s Shopify Admin API',
          description: [
            'Saves the access token the catalogue sync reads products with, then starts a sync of the whole catalogue.',
            'Shopify is asked first (the shop’s name and one product): a refused token gets 422 with Shopify’s reason,',
            'and 502 when Shopify cannot be asked; nothing is saved then. The shop must be the store’s own shop domain,',
            'which is set when the store has none (409 if it has another, or the shop belongs to another store).',
          ].join(' '),
          tags,
          security: adminSecurity,
          params,
          body: connectionSchema,
          response: {
            200: connectedSchema,
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
            502: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        if (settings.checkAccess) {
          const checked = await settings.checkAccess(request.body).catch((error: unknown) => {
            if (error instanceof ShopifyError) return error
            throw error
          })
          if (checked instanceof ShopifyError) {
            return reply.code(502).send({
              error: 'shopify_unreachable',
              message: `Could not ask Shopify about the token (${checked.message}); nothing was saved.`,
            })
          }
          if (!checked.accepted) {
            return reply.code(422).send({
              error: 'shopify_token_refused',
              message: `Shopify refused the token (${checked.status}: ${checked.reason}); nothing was saved.`,
            })
          }
        }
        const saved = await saveShopifyConnection(db, cipher, storeId, request.body)
        if (saved.status === 'unknown-store') return reply.code(404).send(storeNotFound(storeId))
        if (saved.status === 'conflict') return reply.code(409).send({ error: 'conflict', message: saved.reason })
        const sync = await startCatalogueSync(storeId, settings, request.log)
        return reply.send({ ...view(saved.summary), sync })
      },
    )

    app.get(
      '/v1/admin/stores/:storeId/shopify',
      {
        schema: {
          summary: 'Read a store’s Shopify Admin API connection and its last sync',
          tags,
          security: adminSecurity,
          params,
          response: { 200: connectionViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        if (!(await getStore(db, request.params.storeId))) return reply.code(404).send(storeNotFound(request.params.storeId))
        return reply.send(view(await describeShopifyConnection(db, request.params.storeId)))
      },
    )

    app.delete(
      '/v1/admin/stores/:storeId/shopify',
      {
        schema: {
          summary: 'Remove a store’s Shopify Admin API connection',
          description: 'Stops the catalogue sync; the catalogue is kept, and webhooks keep updating it.',
          tags,
          security: adminSecurity,
          params,
          response: { 200: connectionViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        await removeShopifyConnection(db, storeId)
        await removeSyncSchedule(storeId, settings, request.log)
        return reply.send({ configured: false })
      },
    )
  }
}

/**
 * Starts a newly connected store's first catalogue sync. Temporal being unreachable is no failure:
 * the connection is saved, and the worker's schedule keeper gives the store its schedule within minutes.
 */
async function startCatalogueSync(storeId: string, settings: ShopifyAdminSettings, log: FastifyBaseLogger) {
  const workflowId = catalogueSyncId(storeId)
  const { temporal } = settings
  if (!temporal) return { status: 'not-started' as const, workflowId }
  try {
    await temporal.withDeadline(Date.now() + settings.callTimeoutMs, () =>
      temporal.workflow.start(syncCatalogue, { workflowId, taskQueue: settings.taskQueue, args: [{ storeId }] }),
    )
    return { status: 'started' as const, workflowId }
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { status: 'already-running' as const, workflowId }
    log.warn({ err: error, storeId }, 'catalogue sync not started; the store’s schedule will sync it')
    return { status: 'not-started' as const, workflowId }
  }
}

/** Removes a disconnected store's sync schedule; one left behind ends its runs as `not-connected`. */
async function removeSyncSchedule(storeId: string, settings: ShopifyAdminSettings, log: FastifyBaseLogger): Promise<void> {
  const { temporal } = settings
  if (!temporal) return
  try {
    await temporal.withDeadline(Date.now() + settings.callTimeoutMs, () => temporal.schedule.getHandle(catalogueSyncId(storeId)).delete())
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError))
      log.warn({ err: error, storeId }, 'catalogue sync schedule not removed; its runs will find no connection')
  }
}
