import { exportCustomerData, getStore, type Db } from '@crosswise/db'
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

/**
 * `GET /v1/admin/stores/{storeId}/customers/export`: everything Crosswise holds about one customer,
 * found by `customerId` or `email`: what a store hands over when a customer asks for their data
 * (GDPR; Shopify's `customers/data_request`).
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
          params: z.object({ storeId: storeIdSchema }),
          querystring: z
            .object({ customerId: platformIdSchema.optional(), email: emailSchema.optional() })
            .refine((query) => query.customerId !== undefined || query.email !== undefined, 'give customerId or email'),
          response: { 200: exportSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const { customerId, email } = request.query
        const data = await exportCustomerData(db, storeId, { ...(customerId ? { customerId } : {}), ...(email ? { email } : {}) })
        if (!data) return reply.code(404).send({ error: 'customer_not_found', message: `Store '${storeId}' holds no such customer.` })
        return reply.send(JSON.parse(JSON.stringify(data)) as z.infer<typeof exportSchema>)
      },
    )
  }
}
