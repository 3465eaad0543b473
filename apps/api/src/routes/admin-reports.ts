import { getStore, latestPairingReview, type Db } from '@crosswise/db'
import { storeIdSchema, timeSpanSchema } from '@crosswise/domain'
import { defaultPairingReviewOptions } from '@crosswise/measurement'
import {
  loadStoreReport,
  pairingReviewView,
  pairingReviewViewSchema,
  runPairingReview,
  storeReportView,
  storeReportViewSchema,
} from '@crosswise/reports'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminSecurity } from '../auth/admin-auth.ts'
import { problemSchema, storeNotFound } from '../errors.ts'

const params = z.object({ storeId: storeIdSchema })
const reportQuery = z.object({
  since: z.iso.date('must be a date such as 2026-11-01').optional().describe('Only orders and emails from this day on (UTC)'),
  window: z
    .string()
    .default('30d')
    .pipe(timeSpanSchema)
    .describe('How long after the point of sending a purchase counts for the lift: 30d, 12h, 90m (a demo runs days in seconds)'),
  asOf: z.iso.datetime({ offset: true }).optional().describe('Count lift windows closed by this time (default now)'),
})
const { minimumSends, conversionFloor, confidence } = defaultPairingReviewOptions
const reviewOptions = z
  .object({
    minimumSends: z.number().int().min(1).default(minimumSends).describe('Sends a pairing needs before a verdict'),
    conversionFloor: z.number().min(0).max(1).default(conversionFloor).describe('Conversion below which a pairing underperforms'),
    confidence: z.number().min(0.5).max(0.999).default(confidence).describe('Confidence of the upper bound judged against the floor'),
  })
  .default(defaultPairingReviewOptions)

/**
 * What a store's cross-sell earns (`CROSSWISE_ADMIN_TOKEN`): `GET …/report` gives the same numbers as
 * `crosswise report --json`; `GET …/pairing-reviews/latest` the last review; `POST …/pairing-reviews`
 * runs one now, as the monthly schedule and `crosswise review` do.
 */
export function adminReportRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/stores/:storeId/report',
      {
        schema: {
          summary: 'A store’s funnel, holdout lift with 95 % intervals, results per pairing and latest review',
          tags: ['measurement'],
          security: adminSecurity,
          params,
          querystring: reportQuery,
          response: { 200: storeReportViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const { since, window, asOf } = request.query
        const report = await loadStoreReport(db, storeId, {
          since: new Date(since ? `${since}T00:00:00Z` : 0),
          windowMs: window,
          asOf: asOf ? new Date(asOf) : new Date(),
        })
        return reply.send(storeReportView(report))
      },
    )

    app.get(
      '/v1/admin/stores/:storeId/pairing-reviews/latest',
      {
        schema: {
          summary: 'The store’s latest pairing review: every verdict with its reason',
          tags: ['measurement'],
          security: adminSecurity,
          params,
          response: { 200: pairingReviewViewSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const review = await latestPairingReview(db, storeId)
        if (!review) return reply.code(404).send({ error: 'no_review', message: `Store '${storeId}' has not been reviewed yet.` })
        return reply.send(pairingReviewView(review))
      },
    )

    app.post(
      '/v1/admin/stores/:storeId/pairing-reviews',
      {
        schema: {
          summary: 'Review the store’s pairings now: retire mined and best-seller pairings that underperform, flag manual ones',
          tags: ['measurement'],
          security: adminSecurity,
          params,
          body: reviewOptions,
          response: { 201: pairingReviewViewSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const { storeId } = request.params
        if (!(await getStore(db, storeId))) return reply.code(404).send(storeNotFound(storeId))
        const options = request.body
        const run = await runPairingReview(db, storeId, new Date(), options)
        return reply
          .code(201)
          .send(pairingReviewView({ id: run.reviewId, storeId, reviewedAt: run.reviewedAt, options, entries: run.entries }))
      },
    )
  }
}
