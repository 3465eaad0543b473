import type { StoredPairingReview } from '@crosswise/db'
import { z } from 'zod'
import type { FullStoreReport } from './store-report.ts'

// An interval bound is null where the data cannot bound it (too few customers in a group): JSON has
// no infinity, and a reader must not mistake "unbounded" for zero.
const bound = z.number().nullable()
const interval = z.object({ low: bound, high: bound })
const difference = z.object({
  difference: z.number().describe('emailed minus held out'),
  low: bound,
  high: bound,
  confidence: z.number().describe('e.g. 0.95'),
})
const liftMeasure = z.object({ emailed: z.number(), heldOut: z.number(), lift: difference })

/** The latest pairing review as the report and the admin API show it. */
export const pairingReviewViewSchema = z.object({
  id: z.string(),
  reviewedAt: z.iso.datetime(),
  options: z.record(z.string(), z.unknown()).describe('The thresholds it judged by'),
  entries: z.array(
    z.object({
      pairingId: z.string(),
      source: z.string().nullable(),
      sends: z.number().int(),
      conversions: z.number().int(),
      verdict: z.string().describe('keep, collecting, retire (mined and best-seller pairings) or flag (manual ones)'),
      reason: z.string(),
    }),
  ),
})
export type PairingReviewView = z.infer<typeof pairingReviewViewSchema>

/** A store's report in JSON: what `crosswise report --json` prints and `GET …/report` answers. */
export const storeReportViewSchema = z.object({
  funnel: z.object({
    orders: z.number().int().describe('Live orders (imported history never starts a journey)'),
    journeys: z.number().int(),
    fulfilled: z.number().int(),
    reachedSend: z.number().int().describe('Journeys that reached the point of sending: guards passed, holdout decided'),
    heldOut: z.number().int(),
    emailed: z.number().int(),
    emails: z.number().int(),
    purchased: z.number().int().describe('Journeys with an email that led to a purchase of a recommended product'),
  }),
  liftWindowDays: z.number().int(),
  lift: z
    .object({
      customers: z.object({ emailed: z.number().int(), heldOut: z.number().int() }),
      repeatPurchaseRate: liftMeasure.extend({ emailedInterval: interval, heldOutInterval: interval }),
      revenuePerCustomer: liftMeasure.extend({ unadjusted: difference }).describe('lift is CUPED-adjusted with spend before the trigger'),
      nextOrderValue: liftMeasure,
    })
    .nullable()
    .describe('null until journeys of both groups have a closed window'),
  pairings: z.array(
    z.object({
      pairingId: z.string(),
      source: z.string().nullable(),
      sends: z.number().int(),
      conversions: z.number().int(),
      revenue: z.string().describe('Decimal, store currency'),
      conversionRate: z.number(),
      conversionInterval: interval.describe('Wilson 95 %'),
      revenuePerSend: z.number(),
    }),
  ),
  review: pairingReviewViewSchema.nullable(),
})
export type StoreReportView = z.infer<typeof storeReportViewSchema>

/** Infinite bounds become null, dates ISO strings; everything else as computed. */
export function storeReportView(report: FullStoreReport): StoreReportView {
  return storeReportViewSchema.parse(JSON.parse(JSON.stringify({ ...report, review: report.review && pairingReviewView(report.review) })))
}

/** A stored review in JSON. */
export function pairingReviewView(review: StoredPairingReview): PairingReviewView {
  return { id: review.id, reviewedAt: review.reviewedAt.toISOString(), options: review.options, entries: review.entries }
}
