import {
  currencySchema,
  journeyPolicySchema,
  productUrlTemplateSchema,
  shopifyConnectionSchema,
  storeIdSchema,
  storeSettingsSchema,
  timeZoneSchema,
  type Store,
} from '@crosswise/domain'
import {
  createStore,
  getStore,
  listStoreIds,
  replaceStoreToken,
  setStorePolicy,
  StoreConflictError,
  updateStore,
  type ApiKeyCipher,
  type Db,
} from '@crosswise/db'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { generateApiToken, hashApiToken } from '../auth/api-token.ts'
import { problemSchema, storeNotFound, type Problem } from '../errors.ts'
import { adminSecurity } from '../auth/admin-auth.ts'

const storeViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  shopifyDomain: z.string().nullable().describe('Connected Shopify shop; its webhook secret is never shown'),
  policy: journeyPolicySchema,
  productUrlTemplate: z.string().nullable().describe('Page address of products without their own URL, with {handle} and/or {id}'),
})

function view(store: Store): z.output<typeof storeViewSchema> {
  return {
    id: store.id,
    name: store.name,
    currency: store.currency,
    timeZone: store.timeZone,
    shopifyDomain: store.shopify?.domain ?? null,
    policy: store.policy,
    productUrlTemplate: store.productUrlTemplate ?? null,
  }
}

const createSchema = storeSettingsSchema.extend({ id: storeIdSchema })
// Spelled out rather than `.partial()`: zod 4 applies defaults inside optional fields, which would
// reset an omitted currency or zone to its default.
const changesSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  currency: currencySchema.optional(),
  timeZone: timeZoneSchema.optional(),
  shopify: shopifyConnectionSchema.nullable().optional().describe('null disconnects the shop'),
  productUrlTemplate: productUrlTemplateSchema
    .nullable()
    .optional()
    .describe('e.g. https://shop.example.com/products/{handle}; null removes it (products then link to the Shopify shop, if any)'),
})
const params = z.object({ storeId: storeIdSchema })
const tokenSchema = z.object({ apiToken: z.string().describe('Shown once; only its hash is stored') })
const conflict = (error: StoreConflictError): Problem => ({ error: 'conflict', message: error.message })

/**
 * The admin API (`CROSSWISE_ADMIN_TOKEN`): create a store (its API token is returned once), change
 * its settings or Shopify connection, set its journey policy, and replace its token.
 */
export function adminStoreRoutes(db: Db, cipher: ApiKeyCipher): FastifyPluginAsyncZod {
  // The shop's app secret is stored sealed, as stores' API keys are: whoever reads the database must
  // not be able to sign webhooks for the shop.
  const sealed = <T extends { webhookSecret: string }>(storeId: string, shopify: T): T => ({
    ...shopify,
    webhookSecret: cipher.seal(storeId, shopify.webhookSecret),
  })
  return async (app) => {
    app.post(
      '/v1/admin/stores',
      {
        schema: {
          summary: 'Create a store',
          tags: ['admin'],
          security: adminSecurity,
          body: createSchema,
          response: { 201: storeViewSchema.extend(tokenSchema.shape), 400: problemSchema, 401: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { id, shopify, ...settings } = request.body
        const apiToken = generateApiToken()
        try {
          const store = await createStore(
            db,
            id,
            { ...settings, ...(shopify ? { shopify: sealed(id, shopify) } : {}) },
            hashApiToken(apiToken),
          )
          return reply.code(201).send({ ...view(store), apiToken })
        } catch (error) {
          if (error instanceof StoreConflictError) return reply.code(409).send(conflict(error))
          throw error
        }
      },
    )

    app.get(
      '/v1/admin/stores',
      {
        schema: {
          summary: 'List the stores (their ids)',
          tags: ['admin'],
          security: adminSecurity,
          response: { 200: z.object({ stores: z.array(z.object({ id: z.string() })) }), 401: problemSchema },
        },
      },
      async (_request, reply) => reply.send({ stores: (await listStoreIds(db)).map((id) => ({ id })) }),
    )

    app.get(
      '/v1/admin/stores/:storeId',
      {
        schema: {
          summary: 'Read a store',
          tags: ['admin'],
          security: adminSecurity,
          params,
          response: { 200: storeViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const store = await getStore(db, request.params.storeId)
        return store ? reply.send(view(store)) : reply.code(404).send(storeNotFound(request.params.storeId))
      },
    )

    app.patch(
      '/v1/admin/stores/:storeId',
      {
        schema: {
          summary: 'Change a store’s settings',
          tags: ['admin'],
          security: adminSecurity,
          params,
          body: changesSchema,
          response: { 200: storeViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request, reply) => {
        try {
          const { storeId } = request.params
          const { shopify, ...changes } = request.body
          const store = await updateStore(db, storeId, {
            ...changes,
            ...(shopify === undefined ? {} : { shopify: shopify && sealed(storeId, shopify) }),
          })
          return store ? reply.send(view(store)) : reply.code(404).send(storeNotFound(request.params.storeId))
        } catch (error) {
          if (error instanceof StoreConflictError) return reply.code(409).send(conflict(error))
          throw error
        }
      },
    )

    app.put(
      '/v1/admin/stores/:storeId/policy',
      {
        schema: {
          summary: 'Set a store’s journey policy',
          description: 'Replaces the whole policy; omitted fields take their defaults. Running journeys read it when they next load it.',
          tags: ['admin'],
          security: adminSecurity,
          params,
          body: journeyPolicySchema,
          response: { 200: storeViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const store = await setStorePolicy(db, request.params.storeId, request.body)
        return store ? reply.send(view(store)) : reply.code(404).send(storeNotFound(request.params.storeId))
      },
    )

    app.post(
      '/v1/admin/stores/:storeId/token',
      {
        schema: {
          summary: 'Replace a store’s API token',
          description: 'The old token stops working at once.',
          tags: ['admin'],
          security: adminSecurity,
          params,
          response: { 200: tokenSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const apiToken = generateApiToken()
        const replaced = await replaceStoreToken(db, request.params.storeId, hashApiToken(apiToken))
        return replaced ? reply.send({ apiToken }) : reply.code(404).send(storeNotFound(request.params.storeId))
      },
    )
  }
}
