import { storeIdSchema } from '@crosswise/domain'
import {
  describeKlaviyoAccount,
  getStore,
  removeKlaviyoAccount,
  saveKlaviyoAccount,
  type ApiKeyCipher,
  type Db,
  type KlaviyoAccountSummary,
} from '@crosswise/db'
import { KlaviyoRetryableError, type KlaviyoKeyCheck } from '@crosswise/klaviyo'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { problemSchema, storeNotFound } from '../errors.ts'
import { adminSecurity } from '../auth/admin-auth.ts'

const accountSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .regex(/^pk_[A-Za-z0-9]{6,200}$/, 'must be a Klaviyo private API key (pk_…)')
    .describe('The store’s Klaviyo private key; stored encrypted and never shown again'),
  metricName: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .optional()
    .describe('Metric the store’s flow is triggered by; default `Crosswise Recommendation`'),
})
const accountViewSchema = z.object({
  configured: z.boolean(),
  apiKeyLast4: z.string().optional().describe('Last four characters of the key, to recognise it'),
  metricName: z.string().optional(),
  updatedAt: z.iso.datetime().optional(),
})
const params = z.object({ storeId: storeIdSchema })
const tags = ['admin']

function view(account: KlaviyoAccountSummary): z.output<typeof accountViewSchema> {
  return {
    configured: account.configured,
    ...(account.apiKeyLast4 ? { apiKeyLast4: account.apiKeyLast4 } : {}),
    ...(account.metricName ? { metricName: account.metricName } : {}),
    ...(account.updatedAt ? { updatedAt: account.updatedAt.toISOString() } : {}),
  }
}

/**
 * The admin API for a store's own Klaviyo account (`CROSSWISE_ADMIN_TOKEN`): set, read and remove it.
 * Answers never contain the key, only whether one is configured and its last four characters. A store
 * without an account sends through `KLAVIYO_API_KEY`, or runs dry without that.
 */
export function adminKlaviyoRoutes(
  db: Db,
  cipher: ApiKeyCipher,
  checkKey?: (apiKey: string) => Promise<KlaviyoKeyCheck>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/v1/admin/stores/:storeId/klaviyo',
      {
        schema: {
          summary: 'Set a store’s Klaviyo account',
          description: [
            'Replaces the key (and metric) the store’s emails are sent with; running journeys use it from their next step.',
            'Klaviyo is asked first whether it accepts the key (reading the account’s metrics, which Crosswise needs):',
            'a refused key gets 422, and 502 when Klaviyo cannot be asked; nothing is saved then.',
          ].join(' '),
          tags,
          security: adminSecurity,
          params,
          body: accountSchema,
          response: {
            200: accountViewSchema,
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            422: problemSchema,
            502: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { apiKey, metricName } = request.body
        if (!(await getStore(db, request.params.storeId))) return reply.code(404).send(storeNotFound(request.params.storeId))
        if (checkKey) {
          const checked = await checkKey(apiKey).catch((error: unknown) => {
            if (error instanceof KlaviyoRetryableError) return error
            throw error
          })
          if (checked instanceof KlaviyoRetryableError) {
            return reply.code(502).send({
              error: 'klaviyo_unreachable',
              message: `Could not ask Klaviyo about the key (${checked.message}); nothing was saved.`,
            })
          }
          if (!checked.accepted) {
            return reply.code(422).send({
              error: 'klaviyo_key_refused',
              message: `Klaviyo refused the key (${checked.status}: ${checked.reason}); nothing was saved.`,
            })
          }
        }
        const saved = await saveKlaviyoAccount(db, cipher, request.params.storeId, { apiKey, ...(metricName ? { metricName } : {}) })
        return saved ? reply.send(view(saved)) : reply.code(404).send(storeNotFound(request.params.storeId))
      },
    )

    app.get(
      '/v1/admin/stores/:storeId/klaviyo',
      {
        schema: {
          summary: 'Read whether a store has its own Klaviyo account',
          tags,
          security: adminSecurity,
          params,
          response: { 200: accountViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        if (!(await getStore(db, request.params.storeId))) return reply.code(404).send(storeNotFound(request.params.storeId))
        return reply.send(view(await describeKlaviyoAccount(db, request.params.storeId)))
      },
    )

    app.delete(
      '/v1/admin/stores/:storeId/klaviyo',
      {
        schema: {
          summary: 'Remove a store’s Klaviyo account',
          tags,
          security: adminSecurity,
          params,
          response: { 200: accountViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        if (!(await getStore(db, request.params.storeId))) return reply.code(404).send(storeNotFound(request.params.storeId))
        await removeKlaviyoAccount(db, request.params.storeId)
        return reply.send({ configured: false })
      },
    )
  }
}
