import { eraseStore, exportCustomerData, getStore, redactCustomer, type Db } from '@crosswise/db'
import { emailSchema, platformIdSchema, storeIdSchema } from '@crosswise/domain'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminSecurity } from '../auth/admin-auth.ts'
import { problemSchema, storeNotFound } from '../errors.ts'

const rows = z.array(z.record(z.string(), z.unknown()))
const exportSchema = z.object({
  customer: z.record(z.string(), z.unknown()),
  orders: rows,
  orderLines: rows,
  emails: rows.describe('The send ledger: every email, refusal and its reason'),
  engagement: rows.describe('Opens and clicks seen after the emails'),
  conversions: rows,
  holdout: rows,
  outbox: rows.describe('Dry-run emails, as Klaviyo would have received them'),
})

const customerTarget = z
  .object({ customerId: platformIdSchema.optional(), email: emailSchema.optional() })
  .refine((target) => target.customerId !== undefined || target.email !== undefined, 'give customerId or email')
const params = z.object({ storeId: storeIdSchema })
const customerNotFound = (storeId: string) => ({ error: 'customer_not_found', message: `Store '${storeId}' holds no such customer.` })

/**
 * The GDPR routes of stores that do not come through Shopify's compliance webhooks:
 * `GET /v1/admin/stores/{storeId}/customers/export` (everything Crosswise holds about one customer,
 * found by `customerId` or `email`: what a store hands over when a customer asks for their data),
 * `POST …/customers/redact` (erase one customer, as `customers/redact` does) and
 * `DELETE /v1/admin/stores/{storeId}` (erase the store, as `shop/redact` does).
 */
export function adminCustomerRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/stores/:storeId/customers/export',
      {
        schema: {
          summary: 'Export everything held about one customer (a GDPR data request)',
          tags: ['admin'],
          security: adminSecurity,
          params,
          querystring: customerTarget,
          response: { 200: exportSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const { customerId, email } = request.query
        const data = await exportCustomerData(db, storeId, { ...(customerId ? { customerId } : {}), ...(email ? { email } : {}) })
        if (!data) return reply.code(404).send(customerNotFound(storeId))
        return reply.send(JSON.parse(JSON.stringify(data)) as z.infer<typeof exportSchema>)
      },
    )

    app.post(
      '/v1/admin/stores/:storeId/customers/redact',
      {
        schema: {
          summary: 'Erase one customer (a GDPR erasure request)',
          description:
            'Every row of the customer moves to an opaque id, their email, name, zone and consent go, their journey ends and its ' +
            'executions are deleted from Temporal. Orders and sends stay, unnamed, for the store’s measurements.',
          tags: ['admin'],
          security: adminSecurity,
          params,
          body: customerTarget,
          response: {
            200: z.object({ customerId: z.string().describe('The opaque id the customer’s rows now carry') }),
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const { customerId, email } = request.body
        const redacted = await db
          .transaction()
          .execute((trx) => redactCustomer(trx, storeId, { ...(customerId ? { customerId } : {}), ...(email ? { email } : {}) }))
        return redacted ? reply.send({ customerId: redacted }) : reply.code(404).send(customerNotFound(storeId))
      },
    )

    app.delete(
      '/v1/admin/stores/:storeId',
      {
        schema: {
          summary: 'Erase a store and everything it holds',
          description: 'Every row of the store goes, its secrets included; its journeys and schedules are deleted from Temporal.',
          tags: ['admin'],
          security: adminSecurity,
          params,
          response: { 204: z.null(), 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        return (await eraseStore(db, storeId)) ? reply.code(204).send(null) : reply.code(404).send(storeNotFound(storeId))
      },
    )
  }
}
